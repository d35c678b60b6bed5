import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'deploy-checks',
    include: ['src/**/*.spec.ts'],
    // Kafka and Redis for the compose file's processes started locally (*.e2e.spec.ts).
    globalSetup: ['src/global-setup.ts'],
    // Each check starts service entry points as child processes; the e2e waits for consumer groups.
    // One file at a time: each starts processes by the dozen, and they would only fight for the cores.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
