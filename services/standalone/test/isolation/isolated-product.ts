import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContractDirectory, runProcess, VirtualClock } from '@hotline/platform';
import { createApiKey, type NewApiKey, writeApiKeysFile } from '@hotline/runtime';
import { loadDemoHotline } from '../../src/demo/demo-loader.ts';
import { hotlineServices } from '../../src/hotline-services.ts';

/** The keys the isolation test calls with: a client of one company, and each other role. */
export const ISOLATION_KEYS = {
  client: { role: 'client', clients: ['GLOBEX'], label: 'GLOBEX portal' },
  auditor: { role: 'auditor', label: 'Auditor' },
  manager: { role: 'manager', label: 'Manager' },
  erp: { role: 'system', system: 'erp', label: 'ERP' },
} as const satisfies Record<string, NewApiKey>;

/**
 * The embedded product with AUTH=on on a SQLite file, loaded with the demo hotline (several clients'
 * contracts and tickets), and a keys file holding the keys above. The clock stands still, so nothing
 * but the requests can append.
 */
export async function startIsolatedProduct() {
  const directory = mkdtempSync(join(tmpdir(), 'hotline-isolation-'));
  const keysFile = join(directory, 'api-keys.json');
  const now = new Date('2026-02-02T10:00:00+01:00');
  const created = Object.fromEntries(
    Object.entries(ISOLATION_KEYS).map(([name, request]) => [name, createApiKey(request, now)]),
  ) as Record<keyof typeof ISOLATION_KEYS, ReturnType<typeof createApiKey>>;
  writeApiKeysFile(keysFile, { keys: Object.values(created).map(({ record }) => record) });
  const running = await runProcess({
    name: 'hotline-isolation',
    description: 'The embedded product under the tenant-isolation test',
    env: {
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      SQLITE_FILE: join(directory, 'hotline.sqlite'),
      AUTH: 'on',
      API_KEYS_FILE: keysFile,
      // The sweep sends a few hundred requests per key: the rate limit is not what is tested here.
      RATE_LIMIT_MAX: '100000',
    },
    clock: new VirtualClock(now.getTime()),
    async prepare(context) {
      const contracts = new ContractDirectory().start(context.store);
      await loadDemoHotline({ ...context, contracts }, context.clock.now(), context.logger);
      await contracts.stop();
    },
    services: hotlineServices,
  });
  return {
    running,
    keys: {
      client: created.client.text,
      auditor: created.auditor.text,
      manager: created.manager.text,
      erp: created.erp.text,
    },
    async stop() {
      await running.stop();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
