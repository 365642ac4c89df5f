const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const FQDN = new RegExp(`^(?:\\*\\.)?${LABEL}(?:\\.${LABEL})*\\.?$`);
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;

/** A subject alternative name is a DNS name (a leading `*.` wildcard allowed) or a URI (e.g. `spiffe://...`). */
export function isFqdnOrUri(value: string): boolean {
  return FQDN.test(value) || URI.test(value);
}
