import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type ProcessConfig, processConfigSchema } from '@hotline/platform';
import {
  ApiKeyDirectory,
  loadConfig,
  type NewApiKey,
  readApiKeysFile,
  writeNewApiKeys,
  writeOwnerOnlyFile,
} from '@hotline/runtime';
import { z } from 'zod';
import { demoClients } from './demo-catalogue.ts';

/** Who a demo key is for, as the banner names it, French first. */
interface DemoKeyRequest extends NewApiKey {
  readonly name: string;
  readonly who: string;
}

/** One key of each role and one per demo client, so that whoever starts the demo can call every route. */
export const DEMO_KEYS: readonly DemoKeyRequest[] = [
  { name: 'manager', role: 'manager', who: 'responsable · manager', label: 'Demo: hotline manager' },
  { name: 'agent', role: 'agent', who: 'agent · agent', label: 'Demo: agent' },
  { name: 'auditor', role: 'auditor', who: 'auditeur · auditor', label: 'Demo: auditor' },
  { name: 'erp', role: 'system', system: 'erp', who: 'système erp · erp system', label: 'Demo: ERP' },
  ...demoClients.map(
    (client): DemoKeyRequest => ({
      name: `client-${client}`,
      role: 'client',
      clients: [client],
      who: `client ${client}`,
      label: `Demo: ${client} portal`,
    }),
  ),
];

export interface DemoKey {
  readonly who: string;
  readonly role: NewApiKey['role'];
  readonly text: string;
}

export interface DemoKeys {
  /** The environment to run with: API_KEYS_FILE named when the demo keeps the keys. */
  readonly env: Record<string, string | undefined>;
  /** Where the hashes are: the demo's file, or the operator's API_KEYS_FILE. */
  readonly file?: string;
  /** Where the demo keys' secrets are kept for the next starts' banners (the demo's own keys only). */
  readonly secretsFile?: string;
  /** The demo keys to show: made at this start, or read back from the secrets file and still valid. */
  readonly keys: readonly DemoKey[];
  /** Whether the keys were made at this start. */
  readonly made: boolean;
}

const SecretsFile = z.object({
  keys: z.array(z.object({ who: z.string(), role: z.string(), text: z.string() })),
});

/**
 * Access control is on by default, so the demo makes its keys at first start, before the process
 * reads its keys file: their salted hashes go to `api-keys.json` beside the event store (what
 * `npm run keys` manages), their secrets to `demo-keys.secret.json` beside it, readable by its owner
 * only, so that every later start prints them again. Why keep them rather than make new ones at each
 * start: a restart is the developer's loop, and the key pasted in the dashboard or kept in a shell
 * variable must survive it; the file sits in the data directory, which already holds every ticket in
 * clear and is the owner's only, and it only ever holds the demo's own keys, never one made with
 * `npm run keys`. A key revoked since is not printed again. Removing the data directory (or both files)
 * makes new keys at the next start. With API_KEYS_FILE the operator's file is used as it is, and
 * nothing is made; with AUTH=off nothing is either.
 */
export function prepareDemoKeys(env: Record<string, string | undefined>, now: Date): DemoKeys {
  let config: ProcessConfig;
  try {
    config = loadConfig(processConfigSchema, env);
  } catch {
    // A wrong setting is the process's to report, with the others, and no key is made for a start that fails.
    return { env, keys: [], made: false };
  }
  if (config.AUTH !== 'on') return { env, keys: [], made: false };
  if (config.API_KEYS_FILE !== undefined) return { env, file: config.API_KEYS_FILE, keys: [], made: false };
  const directory = dirname(config.SQLITE_FILE);
  const file = join(directory, 'api-keys.json');
  const secretsFile = join(directory, 'demo-keys.secret.json');
  const withFile = { ...env, API_KEYS_FILE: file };
  if (existsSync(file)) {
    return { env: withFile, file, secretsFile, keys: keptDemoKeys(file, secretsFile), made: false };
  }
  const texts = writeNewApiKeys(file, Object.fromEntries(DEMO_KEYS.map((request) => [request.name, request])), now);
  const keys = DEMO_KEYS.map(({ name, who, role }) => ({ who, role, text: texts[name] as string }));
  const about =
    'The secrets of the demo API keys of npm start, printed by its banner; api-keys.json holds their hashes.';
  writeOwnerOnlyFile(secretsFile, `${JSON.stringify({ about, keys }, null, 2)}\n`);
  return { env: withFile, file, secretsFile, keys, made: true };
}

/** The demo keys kept beside the data that the keys file still accepts; none if the file is gone or unreadable. */
function keptDemoKeys(file: string, secretsFile: string): DemoKey[] {
  if (!existsSync(secretsFile)) return [];
  try {
    const kept = SecretsFile.parse(JSON.parse(readFileSync(secretsFile, 'utf8')));
    const directory = new ApiKeyDirectory(readApiKeysFile(file).keys);
    return kept.keys.flatMap(({ who, text }) => {
      const identity = directory.identify(text);
      return identity === undefined ? [] : [{ who, role: identity.role, text }];
    });
  } catch {
    // The banner then names the files and `npm run keys`; the process reports a bad keys file itself.
    return [];
  }
}
