import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'relay', include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'], passWithNoTests: true },
});
