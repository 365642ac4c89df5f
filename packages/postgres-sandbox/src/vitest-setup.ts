// Vitest glue: as a project's `globalSetup`, starts one sandbox for the whole run (stopped after it,
// pass or fail) and hands the tests a fresh database in it; `testDatabaseUrl()` reads it in a test.

import { inject } from 'vitest';
import type { TestProject } from 'vitest/node';
import { startPostgres } from './postgres-sandbox';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of an empty database on the run's throwaway PostgreSQL server. */
    meshconsolePostgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const sandbox = await startPostgres();
  try {
    project.provide('meshconsolePostgresUrl', await sandbox.createDatabase('tests'));
  } catch (error) {
    await sandbox.stop();
    throw error;
  }
  return () => sandbox.stop();
}

/** Inside a test: the database the global setup made for this run. */
export function testDatabaseUrl(): string {
  return inject('meshconsolePostgresUrl');
}
