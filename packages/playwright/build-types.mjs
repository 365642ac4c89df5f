// Declarations for consumers, self-contained: dist/types/*.d.ts from src/ (tsc), with the wire shapes the
// kit takes from @meshconsole/model (a private workspace package, not in the tarball) written out as
// plain object types in dist/types/model.d.ts, and `@internal` declarations (Cloudscape's selectors)
// stripped. `node build-types.mjs` (build.mjs runs it); it fails if a .d.ts still imports a package other
// than @playwright/test and node's.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const outDir = here('./dist/types');
const options = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  declaration: true,
  emitDeclarationOnly: true,
  stripInternal: true,
  skipLibCheck: true,
  types: ['node'],
  rootDir: here('./src'),
  outDir,
};
const program = ts.createProgram([here('./src/index.ts')], options);
const emitted = program.emit(undefined, undefined, undefined, true);
if (emitted.diagnostics.length > 0) {
  throw new Error(ts.formatDiagnostics(emitted.diagnostics, ts.createCompilerHost(options)));
}

const files = readdirSync(outDir, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.d.ts'))
  .map((f) => join(outDir, f));
const modelImport = /import (?:type )?\{([^}]*)\} from '@meshconsole\/model';/g;
const wanted = new Set();
for (const file of files) {
  for (const m of readFileSync(file, 'utf8').matchAll(modelImport)) {
    for (const name of m[1].split(',')) wanted.add(name.trim().replace(/^type /, ''));
  }
}
wanted.delete('');

const checker = program.getTypeChecker();
const model = program.getSourceFiles().find((f) => /packages\/model\/src\/index\.ts$/.test(f.fileName));
const lines = ["// The wire shapes of meshconsole's model (packages/model), written out for consumers."];
if (model) {
  const moduleSymbol = checker.getSymbolAtLocation(model);
  for (const symbol of moduleSymbol ? checker.getExportsOfModule(moduleSymbol) : []) {
    if (!wanted.has(symbol.name)) continue;
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    if (!(target.flags & (ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Interface))) {
      throw new Error(`dist/types would need the value ${symbol.name} of @meshconsole/model`);
    }
    const declaration = target.declarations?.[0];
    const params = declaration && 'typeParameters' in declaration && declaration.typeParameters;
    const generic = params ? `<${params.map((p) => p.getText()).join(', ')}>` : '';
    const type = checker.getDeclaredTypeOfSymbol(target);
    const text = checker.typeToString(
      type,
      undefined,
      ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.InTypeAlias,
    );
    lines.push(`export type ${symbol.name}${generic} = ${text};`);
    wanted.delete(symbol.name);
  }
}
if (wanted.size > 0) throw new Error(`not found in @meshconsole/model: ${[...wanted].join(', ')}`);
writeFileSync(join(outDir, 'model.d.ts'), `${lines.join('\n')}\n`);

for (const file of files) {
  let rel = relative(dirname(file), join(outDir, 'model.js'));
  if (!rel.startsWith('.')) rel = `./${rel}`;
  const text = readFileSync(file, 'utf8').replaceAll("from '@meshconsole/model'", `from '${rel}'`);
  writeFileSync(file, text);
  const foreign = [...text.matchAll(/(?:from |import\()\s*['"]([^'"]+)['"]/g)]
    .map((m) => m[1])
    .filter((spec) => !spec.startsWith('.') && spec !== '@playwright/test' && !spec.startsWith('node:'));
  if (foreign.length > 0) throw new Error(`${relative(outDir, file)} imports ${foreign.join(', ')}`);
}
console.log(`built packages/playwright/dist/types (${files.length + 1} declaration files)`);
