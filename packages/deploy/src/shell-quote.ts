/** Quotes a value for a POSIX shell: plain words stay as they are, anything else is single-quoted. */
export function shq(value: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

/** Quotes one argument of a systemd ExecStart= line. */
export function systemdQuote(value: string): string {
  const escaped = value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('%', '%%').replaceAll('$', '$$$$');
  return /^[A-Za-z0-9_./:=@+,-]+$/.test(escaped) ? escaped : `"${escaped}"`;
}
