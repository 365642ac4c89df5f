import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleArchive, createTar } from './bundle-archive';
import { ownedGateway } from './gateway.fixtures';
import { generateBundle } from './generate-bundle';

const dir = mkdtempSync(join(tmpdir(), 'deploy-tar-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tar(args: string[], file: string) {
  return spawnSync('tar', [...args, '-f', file], { cwd: dir, encoding: 'utf8' });
}

describe('bundleArchive', () => {
  it('when the bundle is archived, then tar lists README and every artifact with the exact content', () => {
    const gateway = ownedGateway({ spec: { listeners: [{ portMapping: { port: 443, protocol: 'http' } }] } });
    const bundle = generateBundle(gateway, { replicas: 3 });
    const archive = bundleArchive(gateway, bundle, 1_700_000_000);
    expect(archive.filename).toBe('ingress-gw-deploy.tar');
    expect(archive.bytes.length % 512).toBe(0);
    const file = join(dir, archive.filename);
    writeFileSync(file, archive.bytes);

    const list = tar(['-t'], file);
    expect(list.status, list.stderr).toBe(0);
    expect(list.stdout.trim().split('\n')).toEqual([
      'ingress-gw-deploy/README.md',
      ...bundle.artifacts.map((a) => `ingress-gw-deploy/${a.target}/${a.filename}`),
    ]);

    expect(tar(['-x'], file).status).toBe(0);
    for (const a of bundle.artifacts) {
      expect(readFileSync(join(dir, 'ingress-gw-deploy', a.target, a.filename), 'utf8')).toBe(a.content);
    }
    const readme = readFileSync(join(dir, 'ingress-gw-deploy', 'README.md'), 'utf8');
    expect(readme).toContain('## Warnings');
    expect(readme).toContain('above 1024');
    expect(readme).toContain('`kubernetes/deployment.yaml`');
  });

  it('when a path is longer than 100 bytes and content is multi-byte, then tar still restores both', () => {
    const path = `${'a'.repeat(60)}/${'b'.repeat(60)}/file.txt`;
    const content = 'héllo ✓\n';
    const file = join(dir, 'long.tar');
    writeFileSync(file, createTar([{ path, content }]));
    const out = spawnSync('tar', ['-xOf', file, path], { encoding: 'utf8' });
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toBe(content);
  });
});
