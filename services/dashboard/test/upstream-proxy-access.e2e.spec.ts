import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningProcess, runProcess } from '@hotline/platform';
import { createApiKey, writeApiKeysFile } from '@hotline/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedTestEnv } from '../../standalone/test/hotline-api.ts';
import { createDashboardService } from '../src/dashboard-service.ts';
import { type DemoProduct, startDemoProduct } from './demo-product.ts';

const directory = mkdtempSync(join(tmpdir(), 'hotline-dashboard-alone-auth-'));
const keysFile = join(directory, 'api-keys.json');
const now = new Date();
const manager = createApiKey({ role: 'manager', label: 'Manager' }, now);
const client = createApiKey({ role: 'client', clients: ['GLOBEX'], label: 'GLOBEX portal' }, now);
let product: DemoProduct;
let dashboard: RunningProcess;

beforeAll(async () => {
  writeApiKeysFile(keysFile, { keys: [manager.record, client.record] });
  const auth = { AUTH: 'on', API_KEYS_FILE: keysFile };
  product = await startDemoProduct({ env: auth });
  // Distributed mode with access control: the dashboard and the services read the same keys.
  dashboard = await runProcess({
    name: 'dashboard-alone-auth',
    description: 'The dashboard alone, access control on',
    env: embeddedTestEnv(directory, { env: auth }, 'dashboard.sqlite'),
    services: (context) => [
      createDashboardService(context, { upstreams: { reporting: product.url, slaClock: product.url } }),
    ],
  });
});

afterAll(async () => {
  await dashboard?.stop();
  await product?.stop();
  rmSync(directory, { recursive: true, force: true });
});

const read = async (base: string, path: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${base}${path}`, { headers });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    challenge: response.headers.get('www-authenticate'),
    text: await response.text(),
  };
};

describe('the dashboard alone with AUTH=on (distributed mode)', () => {
  it("relays the caller's key or token to the services, which answer as to the caller itself", async () => {
    for (const path of ['/reports/indicators?year=2026', '/sla/at-risk?limit=5', '/reports/penalties.csv?year=2026']) {
      const credentials: Record<string, string>[] = [
        { 'x-api-key': manager.text },
        { authorization: `Bearer ${manager.text}` },
      ];
      for (const headers of credentials) {
        const relayed = await read(dashboard.url, path, headers);
        const direct = await read(product.url, path, headers);
        expect(relayed.status, path).toBe(200);
        expect(relayed.text).toBe(direct.text);
      }
    }
  });

  it('refuses a read without credentials with a problem and its challenge, and a client key with 403', async () => {
    const bare = await read(dashboard.url, '/reports/indicators?year=2026');
    expect(bare.status).toBe(401);
    expect(bare.type).toContain('application/problem+json');
    expect(bare.challenge).toContain('Bearer realm="hotline"');
    const clientRead = await read(dashboard.url, '/reports/indicators?year=2026', { 'x-api-key': client.text });
    expect(clientRead.status).toBe(403);
    expect(JSON.parse(clientRead.text)).toMatchObject({ code: 'access.role_refused' });
    // The page itself holds no data: it loads for anyone, to ask for a key.
    expect((await read(dashboard.url, '/')).status).toBe(200);
  });
});
