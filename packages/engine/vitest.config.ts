import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'engine',
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // One throwaway PostgreSQL server for the run: the PostgresStore suites make a schema each in it.
    globalSetup: ['../postgres-sandbox/src/vitest-setup.ts'],
    hookTimeout: 60_000,
  },
});
