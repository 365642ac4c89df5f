// Regular expressions as Envoy evaluates them: RE2 syntax, and a match is a match of the whole value
// (Envoy's safe_regex). re2js is a pure JavaScript port of RE2, so the browser and Node agree with Envoy
// on what compiles (no lookaround, no backreferences) and on what matches.
import { RE2JS } from 're2js';

/** Envoy refuses a regex whose RE2 program size is above this (GoogleRE2 max_program_size, default 100). */
export const ENVOY_MAX_PROGRAM_SIZE = 100;

export type CompiledRegex = { ok: true; re: RE2JS; programSize: number } | { ok: false; error: string };

const CACHE_LIMIT = 4096;
const cache = new Map<string, CompiledRegex>();

/** Compiles `pattern` with RE2 semantics (memoized: the same patterns come back on every request). */
export function compileRegex(pattern: string): CompiledRegex {
  const hit = cache.get(pattern);
  if (hit) return hit;
  let compiled: CompiledRegex;
  try {
    const re = RE2JS.compile(pattern);
    compiled = { ok: true, re, programSize: re.programSize() };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    compiled = { ok: false, error: message.replace(/^error parsing regexp: /, '') };
  }
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(pattern, compiled);
  return compiled;
}

/** True when the whole of `value` matches `pattern`; a pattern RE2 cannot compile matches nothing. */
export function fullMatch(pattern: string, value: string): boolean {
  const compiled = compileRegex(pattern);
  return compiled.ok && compiled.re.testExact(value);
}

/**
 * The literal text every match of `pattern` starts with ("" when that cannot be read off simply):
 * `^/api/v[0-9]+` gives `/api/v`, `/a?b` gives `/`. Used to prove containment and to spot a path
 * regex that cannot match a path (every path starts with `/`).
 */
export function literalPrefix(pattern: string): string {
  let found = literals.get(pattern);
  if (found === undefined) {
    found = readLiteralPrefix(pattern);
    if (literals.size >= CACHE_LIMIT) literals.delete(literals.keys().next().value as string);
    literals.set(pattern, found);
  }
  return found;
}

const literals = new Map<string, string>();

function readLiteralPrefix(pattern: string): string {
  if (pattern.includes('|')) return '';
  let i = pattern.startsWith('^') ? 1 : 0;
  let out = '';
  while (i < pattern.length) {
    const c = pattern[i]!;
    let literal: string;
    let width = 1;
    if (c === '\\') {
      const next = pattern[i + 1];
      if (next === undefined || /[A-Za-z0-9]/.test(next)) break;
      literal = next;
      width = 2;
    } else if ('.+*?()[]{}^$'.includes(c)) {
      break;
    } else {
      literal = c;
    }
    const after = pattern[i + width];
    if (after === '?' || after === '*' || after === '{') break;
    out += literal;
    i += width;
    if (after === '+') break;
  }
  return out;
}
