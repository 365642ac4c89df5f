/**
 * Issue 14, defect 1: gateway and mesh names (and spec strings such as certificate paths) are hostile input.
 * App Mesh accepts any character but "/" in a name, newlines and shell metacharacters included, and they
 * reach comments, arguments, unit settings and YAML of the generated files. Each generated file goes through
 * its real parser with such names: bash (`-n`, then run in a sandbox whose docker, aws and kubectl record their
 * arguments), `systemd-analyze verify` when it is installed, and the yaml parser; nothing may execute, no
 * line, directive or key may be added, and every value must arrive exactly as given.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateVirtualGatewayInputSchema, type VirtualGatewaySpec } from '@meshconsole/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { DeployArtifact, DeployBundle } from './artifact.types';
import { bundleReadme } from './bundle-archive';
import { ownedGateway } from './gateway.fixtures';
import type { GatewayShape } from './gateway.types';
import { generateBundle } from './generate-bundle';

/** Every payload tries to create a `pwned-*` file in the sandbox (names cannot hold "/", so paths are relative). */
const HOSTILE_NAMES: Array<[mesh: string, gateway: string]> = [
  ['m"\ntouch pwned-mesh-newline\n#', 'gw"\ntouch pwned-gw-newline #'],
  ['$(touch pwned-dollar)', '`touch pwned-backtick`'],
  ["'; touch pwned-quote; '", 'gw\r\ntouch pwned-crlf; echo \\'],
  ['%n $HOME $$ %%', 'x\n[Service]\nExecStartPre=touch pwned-unit\nDescription=y'],
  ['\u001b]0;title\u0007 \u202eevil\u2028next', '; touch pwned-semi && touch pwned-and | touch pwned-pipe'],
];

/** A spec whose certificate paths (spec strings) are hostile too; they reach docker --volume and kubectl. */
const hostileSpec = (tag: string): VirtualGatewaySpec => ({
  listeners: [
    {
      portMapping: { port: 8443, protocol: 'http' },
      tls: {
        mode: 'STRICT',
        certificate: {
          file: {
            certificateChain: `/certs/$(touch pwned-path-${tag})\n.pem`,
            privateKey: `/certs/k'ey;touch pwned-key-${tag}.pem`,
          },
        },
      },
    },
  ],
});

function gatewayOf(meshName: string, virtualGatewayName: string, spec: VirtualGatewaySpec): GatewayShape {
  // The names are ones the API accepts: the model has no pattern on ResourceName beyond "no /".
  const parsed = CreateVirtualGatewayInputSchema.safeParse({ meshName, virtualGatewayName, spec });
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  return ownedGateway({
    meshName,
    virtualGatewayName,
    spec,
    metadata: {
      arn: `arn:aws:appmesh:us-west-2:123456789012:mesh/${meshName}/virtualGateway/${virtualGatewayName}`,
      meshOwner: '123456789012',
      resourceOwner: '123456789012',
    },
  });
}

const BENIGN = gatewayOf('demo-mesh', 'ingress-gw', hostileSpec('benign'));

function artifact(bundle: DeployBundle, id: string): DeployArtifact {
  const found = bundle.artifacts.find((a) => a.id === id);
  if (!found) throw new Error(`no artifact ${id}`);
  return found;
}

const lineCount = (text: string) => text.split('\n').length;

// ---------- the sandbox: docker, aws and kubectl stubs that record their argv as JSON lines

let sandbox: string;
let bin: string;

const STUB = `#!/usr/bin/env node
const { appendFileSync } = require('node:fs');
const { basename } = require('node:path');
appendFileSync(process.env.CALLS, JSON.stringify([basename(process.argv[1]), ...process.argv.slice(2)]) + '\\n');
if (basename(process.argv[1]) === 'aws') process.stdout.write('arn:aws:stub\\n');
`;

beforeAll(() => {
  sandbox = mkdtempSync(join(tmpdir(), 'meshconsole-hostile-'));
  bin = join(sandbox, 'bin');
  mkdirSync(bin);
  for (const tool of ['docker', 'aws', 'kubectl']) {
    writeFileSync(join(bin, tool), STUB);
    chmodSync(join(bin, tool), 0o755);
  }
});
afterAll(() => {
  rmSync(sandbox, { recursive: true, force: true });
});

/** Runs a generated script in a fresh folder of the sandbox; returns the recorded calls and what it left behind. */
function runScript(script: DeployArtifact, extraFiles: DeployArtifact[] = []) {
  const dir = mkdtempSync(join(sandbox, 'run-'));
  const file = join(dir, script.filename);
  writeFileSync(file, script.content, { mode: 0o755 });
  for (const extra of extraFiles) writeFileSync(join(dir, extra.filename), extra.content);
  const calls = join(dir, 'calls.jsonl');
  const out = spawnSync('bash', [file], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      PATH: `${bin}:/usr/bin:/bin`,
      CALLS: calls,
      CLUSTER: 'c',
      VPC_ID: 'vpc-1',
      SUBNETS: 'subnet-1',
      SECURITY_GROUPS: 'sg-1',
    },
  });
  const recorded = existsSync(calls)
    ? readFileSync(calls, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as string[])
    : [];
  const leftBehind = readdirSync(dir).filter((f) => f !== script.filename && f !== 'calls.jsonl');
  return { status: out.status, stderr: out.stderr, calls: recorded, leftBehind: leftBehind.sort() };
}

// ---------- systemd: what systemd-analyze checks, plus how systemd splits an ExecStart= line

const systemdAnalyze = spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' });
const HAVE_SYSTEMD_ANALYZE = systemdAnalyze.status === 0;
if (!HAVE_SYSTEMD_ANALYZE) console.log('systemd-analyze is not installed: units get the structural checks only');

/** `[Section] Key` of every setting, continuation lines joined (systemd.syntax(7)). */
function unitSettings(unit: string): Array<{ key: string; value: string }> {
  const settings: Array<{ key: string; value: string }> = [];
  let section = '';
  for (const line of unit.replace(/\\\n/g, ' ').split('\n')) {
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    if (/^\[.+\]$/.test(line)) {
      section = line;
      continue;
    }
    const eq = line.indexOf('=');
    settings.push({ key: `${section} ${eq < 0 ? `<no "=": ${line}>` : line.slice(0, eq)}`, value: line.slice(eq + 1) });
  }
  return settings;
}

/** The argv systemd makes of a command line: quotes, C escapes, `%%` specifiers and `$$` (systemd.service(5)). */
function systemdArgv(commandLine: string): string[] {
  const line = commandLine.replaceAll('%%', '%');
  const words: string[] = [];
  const unescapeAt = (at: number): [string, number] => {
    const c = line[at + 1] ?? '';
    if (c === 'x') return [String.fromCharCode(Number.parseInt(line.slice(at + 2, at + 4), 16)), at + 4];
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', s: ' ', '\\': '\\', '"': '"', "'": "'" };
    if (simple[c] === undefined) throw new Error(`escape \\${c} is not one systemd knows`);
    return [simple[c], at + 2];
  };
  let i = 0;
  while (i < line.length) {
    while (line[i] === ' ' || line[i] === '\t') i++;
    if (i >= line.length) break;
    let word = '';
    while (i < line.length && line[i] !== ' ' && line[i] !== '\t') {
      const c = line[i] as string;
      if (c === '"' || c === "'") {
        i++;
        while (i < line.length && line[i] !== c) {
          if (line[i] === '\\') {
            const [decoded, next] = unescapeAt(i);
            word += decoded;
            i = next;
          } else word += line[i++];
        }
        if (line[i] !== c) throw new Error('unbalanced quotes');
        i++;
      } else if (c === '\\') {
        const [decoded, next] = unescapeAt(i);
        word += decoded;
        i = next;
      } else word += line[i++];
    }
    words.push(word.replaceAll('$$', '$'));
  }
  return words;
}

function verifyUnit(unit: DeployArtifact): { status: number | null; output: string } {
  const dir = mkdtempSync(join(sandbox, 'unit-'));
  const file = join(dir, unit.filename);
  // verify checks that each command and each required unit exists: point the unit at the recording stub
  // instead of /usr/bin/docker, and give it a docker.service to require (the trailing ":" keeps the defaults)
  writeFileSync(file, unit.content.replaceAll('/usr/bin/docker', join(bin, 'docker')));
  writeFileSync(join(dir, 'docker.service'), `[Unit]\nDescription=stub\n[Service]\nExecStart=${join(bin, 'docker')}\n`);
  const out = spawnSync('systemd-analyze', ['verify', file], {
    encoding: 'utf8',
    env: { ...process.env, SYSTEMD_UNIT_PATH: `${dir}:` },
  });
  return { status: out.status, output: `${out.stdout}${out.stderr}` };
}

// ---------- the tests

describe('generated files with hostile names', () => {
  const benign = generateBundle(BENIGN, { clusterName: 'edge' });

  it('when the names carry newlines, quotes and shell syntax, then the API accepts them (so the files must cope)', () => {
    for (const [mesh, gw] of HOSTILE_NAMES) gatewayOf(mesh, gw, hostileSpec('x'));
  });

  HOSTILE_NAMES.forEach(([meshName, gatewayName], n) => {
    const gateway = gatewayOf(meshName, gatewayName, hostileSpec(String(n)));
    const bundle = generateBundle(gateway, { clusterName: 'edge' });
    const spec = gateway.spec;
    const chain = spec.listeners[0]?.tls?.certificate.file?.certificateChain as string;
    const key = spec.listeners[0]?.tls?.certificate.file?.privateKey as string;
    const resourceArn = `APPMESH_RESOURCE_ARN=mesh/${meshName}/virtualGateway/${gatewayName}`;

    describe(`names #${n + 1} ${JSON.stringify([meshName, gatewayName])}`, () => {
      it('when docker-run.sh is parsed and run, then nothing else runs and docker gets the exact values', () => {
        const script = artifact(bundle, 'ec2-docker-run');
        expect(spawnSync('bash', ['-n'], { input: script.content }).status).toBe(0);
        const run = runScript(script);
        expect(run.leftBehind).toEqual([]);
        expect(run.stderr).toBe('');
        expect(lineCount(script.content)).toBe(lineCount(artifact(benign, 'ec2-docker-run').content));
        expect(run.calls).toHaveLength(1);
        const argv = run.calls[0] as string[];
        expect(argv.slice(0, 2)).toEqual(['docker', 'run']);
        expect(argv).toContain(resourceArn);
        expect(argv).toContain(`${chain}:${chain}:ro`);
        expect(argv).toContain(`${key}:${key}:ro`);
      });

      it('when deploy.sh (ECS) is parsed and run, then nothing else runs', () => {
        const script = artifact(bundle, 'ecs-deploy-script');
        expect(spawnSync('bash', ['-n'], { input: script.content }).status).toBe(0);
        const run = runScript(script, [
          artifact(bundle, 'ecs-task-definition'),
          artifact(bundle, 'ecs-service-definition'),
        ]);
        expect(run.leftBehind).toEqual(['service-definition.json', 'task-definition.json']);
        expect(run.status, run.stderr).toBe(0);
        expect(lineCount(script.content)).toBe(lineCount(artifact(benign, 'ecs-deploy-script').content));
        expect(run.calls.map((c) => c.slice(0, 3).join(' '))).toEqual([
          'aws elbv2 create-load-balancer',
          'aws elbv2 create-target-group',
          'aws elbv2 create-listener',
          'aws ecs register-task-definition',
          'aws ecs create-service',
          'aws elbv2 describe-load-balancers',
        ]);
      });

      it('when certificates-secret.sh is parsed and run, then kubectl gets each path exactly', () => {
        const script = artifact(bundle, 'kubernetes-certificates-secret');
        expect(spawnSync('bash', ['-n'], { input: script.content }).status).toBe(0);
        const run = runScript(script);
        expect(run.leftBehind).toEqual([]);
        expect(run.stderr).toBe('');
        expect(lineCount(script.content)).toBe(lineCount(artifact(benign, 'kubernetes-certificates-secret').content));
        const fromFiles = (run.calls[0] ?? []).filter((a) => a.startsWith('--from-file='));
        expect(fromFiles.map((a) => a.slice(a.indexOf('=', '--from-file='.length) + 1))).toEqual([chain, key]);
      });

      it('when the systemd unit is read, then it has exactly its own settings and ExecStart= carries the exact values', () => {
        const unit = artifact(bundle, 'ec2-systemd-unit');
        const settings = unitSettings(unit.content);
        expect(settings.map((s) => s.key)).toEqual(
          unitSettings(artifact(benign, 'ec2-systemd-unit').content).map((s) => s.key),
        );
        const description = settings.find((s) => s.key === '[Unit] Description')?.value ?? '';
        expect(description.endsWith('\\')).toBe(false);
        const execStart = settings.find((s) => s.key === '[Service] ExecStart')?.value ?? '';
        const argv = systemdArgv(execStart);
        const script = runScript(artifact(bundle, 'ec2-docker-run')).calls[0] as string[];
        // the unit runs in the foreground (--rm) where the script detaches; every other argument is the same
        expect(argv.slice(0, 3)).toEqual(['/usr/bin/docker', 'run', '--rm']);
        expect(argv.slice(3)).toEqual(script.slice(5));
        expect(argv).toContain(resourceArn);
        if (HAVE_SYSTEMD_ANALYZE) {
          const verified = verifyUnit(unit);
          expect(verified.output).toBe('');
          expect(verified.status).toBe(0);
        }
      });

      it('when the YAML and JSON files are parsed, then no key is added and the names arrive unchanged', () => {
        for (const a of bundle.artifacts.filter((x) => x.mediaType === 'application/yaml')) {
          const docs = parseAllDocuments(a.content);
          const list = Array.isArray(docs) ? docs : [docs];
          expect(list, a.id).toHaveLength(1);
          const doc = list[0]!;
          expect(doc.errors, a.id).toEqual([]);
          expect(doc.warnings, a.id).toEqual([]);
          const twin = parseAllDocuments(artifact(benign, a.id).content);
          const benignDoc = (Array.isArray(twin) ? twin : [twin])[0]!;
          expect(Object.keys(doc.toJS() as object), a.id).toEqual(Object.keys(benignDoc.toJS() as object));
          expect((doc.commentBefore ?? '').split('\n').length, a.id).toBe(
            (benignDoc.commentBefore ?? '').split('\n').length,
          );
        }
        const vg = parseAllDocuments(artifact(bundle, 'kubernetes-virtual-gateway').content);
        const vgDoc = (Array.isArray(vg) ? vg : [vg])[0]!.toJS() as { spec: { awsName: string } };
        expect(vgDoc.spec.awsName).toBe(gatewayName);
        const task = JSON.parse(artifact(bundle, 'ecs-task-definition').content) as {
          containerDefinitions: Array<{ environment: Array<{ name: string; value: string }> }>;
        };
        expect(task.containerDefinitions[0]?.environment[0]).toEqual({
          name: 'APPMESH_RESOURCE_ARN',
          value: resourceArn.slice('APPMESH_RESOURCE_ARN='.length),
        });
      });

      it('when the README and the warnings show the names, then each stays on its own line', () => {
        const readme = bundleReadme(gatewayName, meshName, bundle);
        expect(lineCount(readme)).toBe(
          lineCount(bundleReadme('ingress-gw', 'demo-mesh', { ...bundle, warnings: bundle.warnings })),
        );
        expect(readme.split('\n')[0]).toMatch(/^# Deploy virtual gateway "/);
        for (const warning of bundle.warnings) expect(warning).not.toMatch(/[\n\r\u2028\u2029]/);
      });
    });
  });
});
