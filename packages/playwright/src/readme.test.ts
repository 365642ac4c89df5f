import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const README = readFileSync(here('../README.md'), 'utf8');

/** The kit's public exports, and for each exported class its own public members (read by the compiler). */
function publicSurface(): { exports: string[]; members: Map<string, string[]> } {
  const program = ts.createProgram([here('./index.ts')], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const index = program.getSourceFile(here('./index.ts'));
  if (!index) throw new Error('src/index.ts not found');
  const moduleSymbol = checker.getSymbolAtLocation(index);
  if (!moduleSymbol) throw new Error('src/index.ts has no module symbol');
  const exports: string[] = [];
  const members = new Map<string, string[]>();
  for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
    exports.push(symbol.name);
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const declaration = target.declarations?.find(ts.isClassDeclaration);
    if (!declaration) continue;
    const own: string[] = [];
    for (const member of declaration.members) {
      if (ts.isConstructorDeclaration(member) || !member.name || !ts.isIdentifier(member.name)) continue;
      const modifiers = ts.getCombinedModifierFlags(member);
      if (modifiers & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) continue;
      if (!own.includes(member.name.text)) own.push(member.name.text);
    }
    members.set(symbol.name, own);
  }
  return { exports, members };
}

const mentioned = (text: string, name: string) => new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\b`).test(text);

/** The README's entry of a class: from the line naming it in bold or in a heading to the next such line. */
function entryOf(name: string): string | undefined {
  const lines = README.split('\n');
  const starts = (line: string) => /^\s*(- \*\*`|#+ )/.test(line);
  const at = lines.findIndex((line) => starts(line) && line.includes(`\`${name}\``));
  if (at < 0) return undefined;
  const end = lines.findIndex((line, i) => i > at && starts(line));
  return lines.slice(at, end < 0 ? undefined : end).join('\n');
}

describe('README.md documents the whole public surface of @meshconsole/playwright', () => {
  const surface = publicSurface();

  it('when the kit exports a name, then the README mentions it', () => {
    expect(surface.exports.length).toBeGreaterThan(30);
    expect(surface.exports.filter((name) => !mentioned(README, name))).toEqual([]);
  });

  it('when an exported class has a public method, getter or property, then its README entry names it', () => {
    expect(surface.members.get('GatewayRouteDetailsPage')).toContain('goto');
    const missing: string[] = [];
    for (const [cls, members] of surface.members) {
      const entry = entryOf(cls);
      if (entry === undefined) {
        missing.push(`${cls} (no entry: a line with **\`${cls}\`** or a heading)`);
        continue;
      }
      for (const member of members) if (!mentioned(entry, member)) missing.push(`${cls}.${member}`);
    }
    expect(missing).toEqual([]);
  });
});
