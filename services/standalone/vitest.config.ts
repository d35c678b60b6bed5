import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'standalone', include: ['src/**/*.spec.ts'], passWithNoTests: true },
});
