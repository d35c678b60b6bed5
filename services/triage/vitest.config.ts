import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'triage', include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'] },
});
