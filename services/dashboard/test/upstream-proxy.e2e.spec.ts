import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Environment, Nature } from '@hotline/domain';
import { type RunningProcess, runProcess } from '@hotline/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedTestEnv } from '../../standalone/test/hotline-api.ts';
import { createDashboardService } from '../src/dashboard-service.ts';
import { type DemoProduct, startDemoProduct } from './demo-product.ts';

let product: DemoProduct;
let dashboard: RunningProcess;
const directory = mkdtempSync(join(tmpdir(), 'hotline-dashboard-alone-'));

beforeAll(async () => {
  product = await startDemoProduct();
  // The dashboard as a process of its own, as in distributed mode, reading the product's services.
  dashboard = await runProcess({
    name: 'dashboard-alone',
    description: 'The dashboard alone',
    // The product's keys file: the dashboard checks the reader's role, the services decide with theirs.
    env: embeddedTestEnv(directory, { env: product.accessEnv }, 'dashboard.sqlite'),
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

const body = async (base: string, path: string) => {
  const response = await fetch(`${base}${path}`, { headers: product.headers });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
};

describe('the dashboard alone (distributed mode)', () => {
  it('serves the page and relays the reads it makes to the services that own them', async () => {
    expect((await body(dashboard.url, '/')).text).toContain('<html lang="fr">');
    for (const path of [
      '/indicators/2026',
      '/reports/indicators?year=2026&byMonth=true',
      '/reports/indicators?year=2026&product=ERP&nature=malfunction&environment=production&byMonth=true',
      '/reports/penalties?year=2026',
      '/sla/at-risk?limit=5',
    ]) {
      const relayed = await body(dashboard.url, path);
      const direct = await body(product.url, path);
      expect(relayed.status).toBe(200);
      expect(JSON.parse(relayed.text)).toEqual(JSON.parse(direct.text));
    }
    // The filters' fixed choices are the dashboard's own, from the domain's enums.
    expect(JSON.parse((await body(dashboard.url, '/dashboard/choices.json')).text)).toEqual({
      natures: Nature.options,
      environments: Environment.options,
    });
    const csv = await fetch(`${dashboard.url}/reports/penalties.csv?year=2026`, { headers: product.headers });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain('.csv');
    const missing = await body(dashboard.url, '/audit/tickets/no-such-ticket');
    expect(missing.status).toBe(404);
    expect(missing.type).toContain('application/problem+json');
  });
});
