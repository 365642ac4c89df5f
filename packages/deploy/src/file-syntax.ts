// Every value the generator writes into a file is encoded for that file's syntax, here and nowhere else:
// shell words, systemd unit settings, and text shown in comments, descriptions, READMEs and warnings.
// YAML and JSON values go through their serializers (`yaml`, `JSON.stringify`), which quote for themselves.
// Gateway and mesh names are hostile input: App Mesh allows any character but "/" in them, newlines included.

/**
 * Characters that end a line or change how text displays: C0 and C1 controls, DEL, the Unicode line and
 * paragraph separators, bidirectional overrides and isolates ("Trojan Source"), and the byte order mark.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is looked for
const UNSAFE_TEXT = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;
const SHORT_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeUnsafe(ch: string): string {
  return SHORT_ESCAPES[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * A value as text for people, in double quotes, on one line: `"ingress-gw"`. `"` and `\` are escaped and every
 * character of UNSAFE_TEXT is written as an escape (`\n`, `\u001b`), so the value can end no comment, heading or
 * setting line. Used wherever a name is shown rather than executed: shell and YAML comments, the systemd
 * Description=, the bundle README and the warnings.
 */
export function displayQuoted(value: string): string {
  return `"${value.replace(/["\\]/g, (c) => `\\${c}`).replace(UNSAFE_TEXT, escapeUnsafe)}"`;
}

/** Characters a shell word may hold without quoting. */
const PLAIN_SHELL_WORD = /^[A-Za-z0-9_./:=@%+,-]+$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is looked for
const CONTROL = /[\u0000-\u001f\u007f]/;

function hexEscape(ch: string): string {
  return `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`;
}

/**
 * One word for bash (the generated scripts start with `#!/usr/bin/env bash`): plain words stay as they are,
 * anything else is single-quoted, and a value with control characters becomes an ANSI-C `$'...'` word with
 * `\xHH` escapes, so a newline in a name never starts a new command line.
 */
export function shellWord(value: string): string {
  if (PLAIN_SHELL_WORD.test(value)) return value;
  if (!CONTROL.test(value)) return `'${value.replaceAll("'", `'\\''`)}'`;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is replaced
  return `$'${value.replace(/[\\']/g, (c) => `\\${c}`).replace(/[\u0000-\u001f\u007f]/g, hexEscape)}'`;
}

/** Characters a systemd ExecStart= argument may hold without quoting. */
const PLAIN_SYSTEMD_WORD = /^[A-Za-z0-9_./:=@+,-]+$/;

/**
 * One argument of a systemd ExecStart= line (systemd.service(5), "Command lines"): plain words stay as they
 * are; anything else is double-quoted with `\` and `"` escaped, control characters as `\xHH`, `%` as `%%`
 * (specifiers) and `$` as `$$` (environment variable substitution).
 */
export function systemdArg(value: string): string {
  if (PLAIN_SYSTEMD_WORD.test(value)) return value;
  const escaped = value
    .replace(/["\\]/g, (c) => `\\${c}`)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is replaced
    .replace(/[\u0000-\u001f\u007f]/g, hexEscape)
    .replaceAll('%', '%%')
    .replaceAll('$', '$$$$');
  return `"${escaped}"`;
}

/**
 * A value shown in a free-text unit setting such as Description=: `displayQuoted`, which keeps it on one line
 * and never ends it with a `\` (a line continuation), with `%` doubled (specifiers).
 */
export function systemdText(value: string): string {
  return displayQuoted(value).replaceAll('%', '%%');
}
