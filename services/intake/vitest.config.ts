import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'intake', include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'] },
});
