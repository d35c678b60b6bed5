import type { z } from 'zod';

export interface ConfigProblem {
  readonly variable: string;
  readonly reason: string;
}

/** A configuration refused at start; its message is one line naming every bad variable. */
export class ConfigError extends Error {
  readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[]) {
    super(`Invalid configuration: ${problems.map(({ variable, reason }) => `${variable}: ${reason}`).join('; ')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Reads the variables named by the schema's keys. A variable set to blank counts as unset, so that
 * `FOO=` in an env file falls back to the default rather than failing on an empty value.
 */
export function loadConfig<S extends z.ZodObject>(schema: S, env: Environment = process.env): z.output<S> {
  const input: Record<string, string> = {};
  for (const name of Object.keys(schema.shape)) {
    const value = env[name];
    if (value !== undefined && value.trim() !== '') input[name] = value;
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;

  const problems = new Map<string, string>();
  for (const issue of result.error.issues) {
    const variable = issue.path.length > 0 ? issue.path.map(String).join('.') : 'configuration';
    if (problems.has(variable)) continue;
    const missing = issue.code === 'invalid_type' && issue.path.length === 1 && input[variable] === undefined;
    problems.set(variable, missing ? 'required' : issue.message);
  }
  throw new ConfigError([...problems].map(([variable, reason]) => ({ variable, reason })));
}

export interface ExitIo {
  readonly write: (line: string) => void;
  readonly exit: (code: number) => never;
}

const processIo: ExitIo = {
  write: (line) => process.stderr.write(line),
  exit: (code) => process.exit(code),
};

/**
 * Ends the process on a configuration error with its one line on stderr (no stack: the operator
 * needs the variable, not our call sites); any other error is rethrown.
 */
export function exitOnConfigError(error: unknown, io: ExitIo = processIo): never {
  if (!(error instanceof ConfigError)) throw error;
  io.write(`${error.message}\n`);
  return io.exit(1);
}

export function loadConfigOrExit<S extends z.ZodObject>(
  schema: S,
  env: Environment = process.env,
  io: ExitIo = processIo,
): z.output<S> {
  try {
    return loadConfig(schema, env);
  } catch (error) {
    return exitOnConfigError(error, io);
  }
}
