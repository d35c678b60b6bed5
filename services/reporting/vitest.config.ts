import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'reporting', include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'] },
});
