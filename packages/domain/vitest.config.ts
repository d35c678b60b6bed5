import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'domain', include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'] },
});
