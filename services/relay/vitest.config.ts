import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'relay',
    include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
    // Kafka and Redis come the project's way (environment, default ports, containers, local processes).
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
