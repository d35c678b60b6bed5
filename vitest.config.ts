import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['packages/*', 'services/*', 'infra/deploy-checks', 'infra/fault-injection'],
  },
});
