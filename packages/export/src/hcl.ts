// A small HCL writer: quoted strings escaped for HCL's template syntax, blocks, lists and maps.

/** An HCL expression written verbatim (a reference such as `aws_appmesh_mesh.demo.name`). */
export class Ref {
  constructor(readonly expression: string) {}
}

export type HclValue = string | number | boolean | Ref | readonly HclValue[] | { readonly [key: string]: HclValue };

/** One attribute or nested block of a block body, in order. */
export type HclItem =
  | { kind: 'attr'; name: string; value: HclValue }
  | { kind: 'block'; name: string; labels?: string[]; body: HclItem[] };

export const attr = (name: string, value: HclValue | undefined): HclItem[] =>
  value === undefined ? [] : [{ kind: 'attr', name, value }];

export const block = (name: string, body: HclItem[], labels?: string[]): HclItem => ({
  kind: 'block',
  name,
  body,
  ...(labels ? { labels } : {}),
});

/** A block only when `value` is present. */
export function blockIf<T>(name: string, value: T | undefined, body: (v: T) => HclItem[]): HclItem[] {
  return value === undefined ? [] : [block(name, body(value))];
}

/**
 * A quoted HCL string: backslash escapes for `"`, `\` and control characters, and the template
 * sequences `${` and `%{` doubled so they stay literal text.
 */
export function hclString(value: string): string {
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else out += ch;
  }
  // A function replacer: in a replacement string "$$" would itself mean "$".
  return `"${out.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{')}"`;
}

function value(v: HclValue, indent: string): string {
  if (v instanceof Ref) return v.expression;
  if (typeof v === 'string') return hclString(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map((x) => value(x, indent)).join(', ')}]`;
  const entries = Object.entries(v as Record<string, HclValue>);
  if (entries.length === 0) return '{}';
  const inner = `${indent}  `;
  return `{\n${entries.map(([k, x]) => `${inner}${hclString(k)} = ${value(x, inner)}`).join('\n')}\n${indent}}`;
}

function body(items: HclItem[], indent: string): string {
  const width = Math.max(0, ...items.filter((i) => i.kind === 'attr').map((i) => i.name.length));
  return items
    .map((item) => {
      if (item.kind === 'attr') return `${indent}${item.name.padEnd(width)} = ${value(item.value, indent)}`;
      const labels = (item.labels ?? []).map((l) => ` ${hclString(l)}`).join('');
      if (item.body.length === 0) return `${indent}${item.name}${labels} {}`;
      return `${indent}${item.name}${labels} {\n${body(item.body, `${indent}  `)}\n${indent}}`;
    })
    .join('\n');
}

/** Top-level blocks separated by a blank line. */
export function hclFile(blocks: HclItem[], header?: string): string {
  const comment = header
    ? `${header
        .split('\n')
        .map((l) => (l === '' ? '#' : `# ${l}`))
        .join('\n')}\n\n`
    : '';
  return `${comment}${blocks.map((b) => body([b], '')).join('\n\n')}\n`;
}
