import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { processConfigSchema } from '@hotline/platform';
import { createApiKey, type NewApiKey, writeApiKeysFile } from '@hotline/runtime';

/** One key of each role, so that whoever starts the demo with AUTH=on can call every route. */
export const DEMO_KEYS: readonly (NewApiKey & { readonly who: string })[] = [
  { role: 'manager', who: 'responsable · manager', label: 'Demo: hotline manager' },
  { role: 'agent', who: 'agent · agent', label: 'Demo: agent' },
  { role: 'auditor', who: 'auditeur · auditor', label: 'Demo: auditor' },
  { role: 'client', clients: ['ACME'], who: 'client ACME · ACME client', label: 'Demo: ACME portal' },
  { role: 'system', system: 'erp', who: 'système erp · erp system', label: 'Demo: ERP' },
];

export interface DemoKey {
  readonly who: string;
  readonly text: string;
}

export interface DemoKeys {
  /** The environment to run with: API_KEYS_FILE named when access control is on. */
  readonly env: Record<string, string | undefined>;
  /** Where the hashes are, when access control is on. */
  readonly file?: string;
  /** The keys created now, to print once; empty when the file was already there. */
  readonly created: readonly DemoKey[];
}

const settings = processConfigSchema.pick({ AUTH: true, API_KEYS_FILE: true, SQLITE_FILE: true });

/**
 * With AUTH=on, the demo's keys are made at first start, before the process reads its keys file
 * (access control refuses to start without one): only their salted hashes are written, beside the
 * event store unless API_KEYS_FILE names a file, and the keys themselves are returned to be shown
 * once. A file already there is kept as it is: its keys were shown when it was made, and
 * `npm run keys` manages it since.
 */
export function prepareDemoKeys(env: Record<string, string | undefined>, now: Date): DemoKeys {
  const parsed = settings.safeParse(env);
  // A wrong setting is the process's to report, with the others, when it reads its configuration.
  if (!parsed.success || parsed.data.AUTH !== 'on') return { env, created: [] };
  const file = parsed.data.API_KEYS_FILE ?? join(dirname(parsed.data.SQLITE_FILE), 'api-keys.json');
  const withFile = { ...env, API_KEYS_FILE: file };
  if (existsSync(file)) return { env: withFile, file, created: [] };
  const keys = DEMO_KEYS.map(({ who, ...request }) => ({ who, ...createApiKey(request, now) }));
  writeApiKeysFile(file, { keys: keys.map(({ record }) => record) });
  return { env: withFile, file, created: keys.map(({ who, text }) => ({ who, text })) };
}
