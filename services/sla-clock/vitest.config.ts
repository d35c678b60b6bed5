import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'sla-clock', include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'] },
});
