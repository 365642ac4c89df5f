// Vitest glue: as a project's `globalSetup`, starts one sandbox for the whole run (stopped after it,
// pass or fail) and hands the tests a fresh database in it; `testDatabaseUrl()` reads it in a test,
// `freshTestSchema()` gives a test a schema of its own in it.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
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

let adminPool: pg.Pool | undefined;
let schemas = 0;

/** The run's test database, for statements a test makes itself (creating and dropping schemas). */
export function testAdminPool(): pg.Pool {
  adminPool ??= new pg.Pool({ connectionString: testDatabaseUrl(), max: 2, allowExitOnIdle: true });
  return adminPool;
}

/** `url` with PostgreSQL's `search_path` set to `schema`: every table a store makes goes there. */
export function withSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

/** A new, empty schema in the run's test database: its name, its URL, and a function that drops it. */
export async function freshTestSchema(): Promise<{ schema: string; url: string; drop: () => Promise<void> }> {
  const schema = `t_${process.pid}_${++schemas}_${randomBytes(3).toString('hex')}`;
  await testAdminPool().query(`CREATE SCHEMA ${schema}`);
  return {
    schema,
    url: withSchema(testDatabaseUrl(), schema),
    drop: async () => {
      await testAdminPool().query(`DROP SCHEMA ${schema} CASCADE`);
    },
  };
}
