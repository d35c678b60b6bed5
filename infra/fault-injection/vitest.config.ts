import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'fault-injection',
    include: ['src/**/*.spec.ts'],
    // The suite starts its own broker, Redis and a dozen processes, and kills them: one file at a
    // time, and cases in order, each checking what the ones before it put through.
    fileParallelism: false,
    sequence: { concurrent: false },
    testTimeout: 300_000,
    // Starting a dozen processes one after the other takes minutes on a loaded 2-core machine.
    hookTimeout: 420_000,
  },
});
