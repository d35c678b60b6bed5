import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'platform', include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'] },
});
