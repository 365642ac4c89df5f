// Helpers shared by the console API services (no req/res here).
import { AppMeshError } from '@meshconsole/model';

// The page shape is the console API contract's (packages/model).
export { type Page, pageOf as page } from '@meshconsole/model';

/** Drops keys whose value is undefined, so optional inputs stay absent. */
export function compact<T extends Record<string, unknown>>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = v;
  return out as T;
}

/**
 * Describes each listed resource, in list order. A resource deleted between the list and its describe
 * (NotFoundException) is left out rather than failing the whole page.
 */
export async function describeEach<R, D>(refs: readonly R[], describe: (ref: R) => Promise<D>): Promise<D[]> {
  const settled = await Promise.all(
    refs.map((ref) =>
      describe(ref).then(
        (data) => ({ ok: true as const, data }),
        (err: unknown) => {
          if (err instanceof AppMeshError && err.name === 'NotFoundException') return { ok: false as const };
          throw err;
        },
      ),
    ),
  );
  return settled.flatMap((s) => (s.ok ? [s.data] : []));
}

/**
 * The console shows a duplicate name on the name field: a ConflictException from a create (other than
 * a reused client token) gets `fieldErrors[nameField]`, whichever backend answered.
 */
export function withNameFieldError(err: unknown, nameField: string): unknown {
  if (!(err instanceof AppMeshError) || err.name !== 'ConflictException') return err;
  if (err.fieldErrors && Object.keys(err.fieldErrors).length > 0) return err;
  if (/client ?token/i.test(err.message)) return err;
  return new AppMeshError('ConflictException', err.message, { [nameField]: [err.message] });
}
