import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'standalone',
    include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Whole-product tests start processes and wait for consumers to rebalance.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
