import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('.', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test-support' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('engine boundaries', () => {
  const files = sources(SRC);

  it('when the engine sources are scanned, then none reads process.env or imports Express', () => {
    expect(files.length).toBeGreaterThan(5);
    const offenders = files.filter((file) => {
      const text = readFileSync(file, 'utf8');
      return /process\.env/.test(text) || /from ['"]express['"]/.test(text);
    });
    expect(offenders).toEqual([]);
  });
});
