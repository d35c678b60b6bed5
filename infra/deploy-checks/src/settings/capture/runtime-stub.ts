import type { z } from 'zod';
import { defaultsOf, recordSchema } from './captured-settings.ts';

export * from '@hotline/runtime';

/** Stands for the runtime's `loadConfigOrExit` in a service's files: records the schema, reads nothing. */
export function loadConfigOrExit<S extends z.ZodObject>(schema: S): z.output<S> {
  recordSchema(schema);
  return defaultsOf(schema) as z.output<S>;
}
