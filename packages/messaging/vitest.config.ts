import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'messaging',
    include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
    globalSetup: ['test/global-setup.ts'],
    // The broker-level scenarios wait for rebalances and restarts; a few seconds each at most.
    testTimeout: 60_000,
    // One file at a time: the broker-restart test takes the shared broker away for a few seconds,
    // which must not land in the middle of another file's Kafka test.
    fileParallelism: false,
    hookTimeout: 60_000,
  },
});
