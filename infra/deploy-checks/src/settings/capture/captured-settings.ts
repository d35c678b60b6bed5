import { writeFileSync } from 'node:fs';
import { ConfigError, type ConfigProblem, type ConfigVariable, describeConfig, loadConfig } from '@hotline/runtime';
import type { z } from 'zod';

/** What one service process read at start, in the order it read it. */
export interface CapturedSettings {
  /** True once the process reached the point where it opens its infrastructure or its server. */
  readonly complete: boolean;
  readonly variables: readonly ConfigVariable[];
  /** What the process would have refused in the environment it was given, one entry per variable. */
  readonly problems: readonly ConfigProblem[];
}

const variables = new Map<string, ConfigVariable>();
const problems = new Map<string, ConfigProblem>();
let written = false;

/**
 * Records the variables of a schema the process is about to read, and what it would refuse in the
 * environment at hand. A variable read twice keeps its first description: a service's own schema is
 * read before the platform's, and says more.
 */
export function recordSchema(schema: z.ZodObject): void {
  for (const variable of describeConfig(schema))
    if (!variables.has(variable.name)) variables.set(variable.name, variable);
  try {
    loadConfig(schema, process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) problems.set(problem.variable, problem);
  }
}

/** The values the schema gives when nothing is set, so the code after the capture point keeps running. */
export function defaultsOf(schema: z.ZodObject): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  for (const [name, variable] of Object.entries(schema.shape)) {
    const parsed = (variable as z.ZodType).safeParse(undefined);
    if (parsed.success) defaults[name] = parsed.data;
  }
  return defaults;
}

function write(complete: boolean): void {
  if (written) return;
  written = true;
  const captured: CapturedSettings = { complete, variables: [...variables.values()], problems: [...problems.values()] };
  writeFileSync(outputFile(), JSON.stringify(captured));
}

function outputFile(): string {
  const file = process.env.HOTLINE_SETTINGS_OUT;
  if (file === undefined) throw new Error('HOTLINE_SETTINGS_OUT names no file');
  return file;
}

/** The process reached its infrastructure: everything it reads is known, stop before it connects. */
export function finishCapture(): never {
  write(true);
  process.exit(0);
}

// A process that ends before reaching that point (a crash, a main that reads nothing) says so.
process.on('exit', () => write(false));
