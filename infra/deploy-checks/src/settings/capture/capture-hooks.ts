import { registerHooks } from 'node:module';

/**
 * Preloaded (`node --import`) into a service's entry point to learn which settings it reads without
 * starting it: the service's own files get stand-ins for `loadConfigOrExit` and `runProcess` that
 * record the zod schemas handed to them (`captured-settings.ts`). The packages keep the real ones.
 */
const stubs: Record<string, string> = {
  '@hotline/runtime': new URL('./runtime-stub.ts', import.meta.url).href,
  '@hotline/platform': new URL('./platform-stub.ts', import.meta.url).href,
};
const SERVICE_FILE = /\/services\/[^/]+\/src\//;

registerHooks({
  resolve(specifier, context, nextResolve) {
    const stub = stubs[specifier];
    if (stub !== undefined && context.parentURL !== undefined && SERVICE_FILE.test(context.parentURL)) {
      return { url: stub, shortCircuit: true };
    }
    return nextResolve(specifier, context);
  },
});
