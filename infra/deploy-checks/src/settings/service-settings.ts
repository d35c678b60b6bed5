import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { ConfigProblem, ConfigVariable } from '@hotline/runtime';
import type { CapturedSettings } from './capture/captured-settings.ts';

const run = promisify(execFile);

export const workspaceRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const captureHooks = fileURLToPath(new URL('./capture/capture-hooks.ts', import.meta.url));

export interface ServiceSettings {
  /** The service's folder under `services/`. */
  readonly service: string;
  readonly entry: string;
  readonly variables: readonly ConfigVariable[];
  /** What the service refuses in the environment it was read with (required variables, when none). */
  readonly problems: readonly ConfigProblem[];
}

/** Every process of the product: each `services/<name>/src/main.ts`. */
export function serviceEntries(root = workspaceRoot): { service: string; entry: string }[] {
  return readdirSync(join(root, 'services'))
    .filter((service) => existsSync(join(root, 'services', service, 'src', 'main.ts')))
    .sort()
    .map((service) => ({ service, entry: `services/${service}/src/main.ts` }));
}

/**
 * The settings a service reads, taken from the zod schemas its entry point hands to
 * `loadConfigOrExit` and `runProcess` (the entry point runs up to there, in a child process, and
 * stops before connecting to anything): the schemas themselves, so the table cannot drift from them.
 */
export async function readServiceSettings(
  service: string,
  entry: string,
  { root = workspaceRoot, env = {} }: { root?: string; env?: Record<string, string> } = {},
): Promise<ServiceSettings> {
  const directory = mkdtempSync(join(tmpdir(), 'hotline-settings-'));
  const output = join(directory, 'settings.json');
  try {
    // Only the variables given: a developer's own settings must not count.
    await run(process.execPath, ['--import', captureHooks, join(root, entry)], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', ...env, HOTLINE_SETTINGS_OUT: output },
      timeout: 60_000,
    });
    const captured = JSON.parse(readFileSync(output, 'utf8')) as CapturedSettings;
    if (!captured.complete) throw new Error(`${entry} ended before it opened its infrastructure`);
    return { service, entry, variables: captured.variables, problems: captured.problems };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** The settings of every service, in the order of `serviceEntries`. */
export function readAllServiceSettings(root = workspaceRoot): Promise<ServiceSettings[]> {
  return Promise.all(serviceEntries(root).map(({ service, entry }) => readServiceSettings(service, entry, { root })));
}
