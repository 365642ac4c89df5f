import type { Engine } from '@meshconsole/engine';
import { AdminResetBodySchema, parseOrThrow } from '@meshconsole/model';
import { AppError } from '../http/app-error.js';

/** Wipes the local mesh and optionally seeds the demo data again (demos, Playwright suites). */
export async function resetStore(engine: Engine | undefined, accountId: string, body: unknown): Promise<{ ok: true }> {
  if (!engine) {
    throw new AppError(
      'BadRequestException',
      'Reset is only available with the local mesh (MESH_BACKEND=local); it never touches a real mesh.',
    );
  }
  const { seed } = parseOrThrow(AdminResetBodySchema, body);
  await engine.reset(seed, accountId);
  return { ok: true };
}
