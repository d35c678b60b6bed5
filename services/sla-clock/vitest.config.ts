import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'sla-clock',
    include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
    // Redis comes the project's way (REDIS_URL, :6379, a container, a local redis-server), once per run.
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
