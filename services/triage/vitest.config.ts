import { defineProject } from 'vitest/config';

export default defineProject({
  // The tests wait for the relay and the consumer on real components: generous on a busy machine.
  test: { name: 'triage', include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'], testTimeout: 30_000 },
});
