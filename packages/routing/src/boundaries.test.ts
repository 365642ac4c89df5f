import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('.', import.meta.url));

describe('routing boundaries', () => {
  it('when the package sources are scanned, then none does I/O or imports the engine, Express or React', () => {
    const files = readdirSync(SRC).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'test-support.ts',
    );
    expect(files.length).toBeGreaterThan(5);
    const offenders = files.filter((file) => {
      const text = readFileSync(join(SRC, file), 'utf8');
      const imports = [...text.matchAll(/from ['"]([^'"]+)['"]/g)].map((m) => m[1]!);
      const foreign = imports.some((i) => !i.startsWith('./') && i !== '@meshconsole/model' && i !== 're2js');
      return foreign || /process\.|globalThis|fetch\(|require\(/.test(text);
    });
    expect(offenders).toEqual([]);
  });
});
