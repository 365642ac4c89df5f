import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'bff',
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // API suites start servers, child processes and the AWS CLI: give them room on a busy machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // One throwaway PostgreSQL server for the run (the replica tests take a schema each in it).
    globalSetup: ['../../packages/postgres-sandbox/src/vitest-setup.ts'],
  },
});
