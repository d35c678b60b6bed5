import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'messaging',
    include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
    globalSetup: ['test/global-setup.ts'],
    // The broker-level scenarios wait for rebalances and restarts; a few seconds each at most.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
