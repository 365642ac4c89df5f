import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'bench',
    include: ['budgets.test.ts'],
    environment: 'node',
  },
});
