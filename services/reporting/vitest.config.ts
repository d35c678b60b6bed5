import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'reporting',
    include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
  },
});
