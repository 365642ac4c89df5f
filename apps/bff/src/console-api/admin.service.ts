import type { Engine, SeedSummary } from '@meshconsole/engine';
import { AdminResetBodySchema, parseOrThrow } from '@meshconsole/model';
import type { Config } from '../config.js';
import { AppError } from '../http/app-error.js';

function localEngine(engine: Engine | undefined, what: string): Engine {
  if (!engine) {
    throw new AppError(
      'BadRequestException',
      `${what} is only available with the local mesh (MESH_BACKEND=local); it never touches a real mesh.`,
    );
  }
  return engine;
}

/**
 * Wipes the local mesh and optionally seeds the demo data again (demos, Playwright suites). Sets the
 * fixed time and ids the body asks for, else the server's FIXED_TIME and FIXED_IDS, for what comes next.
 */
export async function resetStore(
  engine: Engine | undefined,
  config: Pick<Config, 'accountId' | 'fixedTime' | 'fixedIds'>,
  body: unknown,
): Promise<{ ok: true }> {
  const local = localEngine(engine, 'Reset');
  const { seed, fixedTime, fixedIds } = parseOrThrow(AdminResetBodySchema, body);
  local.setDeterminism({
    fixedTime: fixedTime === undefined ? config.fixedTime : fixedTime === null ? undefined : Date.parse(fixedTime),
    fixedIds: fixedIds === undefined ? config.fixedIds : (fixedIds ?? undefined),
  });
  await local.reset(seed, config.accountId);
  return { ok: true };
}

/** Loads a seed document (the body) into the local mesh, in one transaction; a bad one changes nothing. */
export async function seedStore(
  engine: Engine | undefined,
  accountId: string,
  body: unknown,
): Promise<{ ok: true; created: SeedSummary }> {
  const created = await localEngine(engine, 'Seeding').applySeed(body, accountId);
  return { ok: true, created };
}
