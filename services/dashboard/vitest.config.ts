import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'dashboard',
    include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
    // The browser tests start the whole product with the demo hotline, then Chromium.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
