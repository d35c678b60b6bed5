import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'runtime', include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'], globalSetup: ['test/global-setup.ts'] },
});
