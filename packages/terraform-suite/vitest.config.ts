import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'terraform',
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // Each file drives the real Terraform binary and the AWS provider (a large plugin process per command)
    // against its own meshconsole: one file at a time, so two cores shared with other suites stay responsive.
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});
