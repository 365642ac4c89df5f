/** Epoch seconds (as on the wire) -> "2026-11-26 13:30:05 UTC". */
export function formatTimestamp(epochSeconds: number | undefined): string {
  if (epochSeconds === undefined || !Number.isFinite(epochSeconds)) return '-';
  const iso = new Date(epochSeconds * 1000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/**
 * Epoch seconds -> the ISO-8601 string the AWS CLI prints for a timestamp (Python's
 * `datetime.isoformat()` in UTC): `2022-04-06T15:42:42.015000+00:00`, without the fraction when it is 0.
 */
export function cliTimestamp(epochSeconds: number): string {
  const totalMicros = Math.round(epochSeconds * 1_000_000);
  const seconds = Math.floor(totalMicros / 1_000_000);
  const micros = totalMicros - seconds * 1_000_000;
  const base = new Date(seconds * 1000).toISOString().slice(0, 19);
  return micros === 0 ? `${base}+00:00` : `${base}.${String(micros).padStart(6, '0')}+00:00`;
}
