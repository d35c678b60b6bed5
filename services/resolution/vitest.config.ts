import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'resolution', include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'] },
});
