import { z } from 'zod';

export interface ConfigVariable {
  readonly name: string;
  readonly required: boolean;
  /** The default as an operator would write it in the environment. */
  readonly default?: string;
  readonly description?: string;
  /** Marked with `.meta({ secret: true })`: never print its value. */
  readonly secret: boolean;
}

/** The operations table of a configuration schema: one row per environment variable. */
export function describeConfig(schema: z.ZodObject): ConfigVariable[] {
  return Object.entries(schema.shape).map(([name, variable]) => describeVariable(name, variable as z.ZodType));
}

function describeVariable(name: string, schema: z.ZodType): ConfigVariable {
  let description: string | undefined;
  let secret = false;
  let optional = false;
  let fallback: { value: unknown } | undefined;

  // Wrappers (default, optional, pipe…) each carry their own metadata: walk down to the base type.
  let current: z.ZodType | undefined = schema;
  while (current) {
    const meta = z.globalRegistry.get(current);
    description ??= meta?.description;
    secret ||= meta?.secret === true;
    const def = current.def as { type: string; innerType?: z.ZodType; in?: z.ZodType; defaultValue?: unknown };
    switch (def.type) {
      case 'default':
      case 'prefault':
        fallback ??= { value: def.defaultValue };
        current = def.innerType;
        break;
      case 'optional':
        optional = true;
        current = def.innerType;
        break;
      case 'pipe':
        current = def.in;
        break;
      default:
        current = undefined;
    }
  }

  return {
    name,
    required: !optional && fallback === undefined,
    ...(fallback && { default: secret ? '(secret)' : formatDefault(fallback.value) }),
    ...(description !== undefined && { description }),
    secret,
  };
}

function formatDefault(value: unknown): string {
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}
