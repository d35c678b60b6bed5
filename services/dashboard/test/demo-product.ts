import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContractDirectory, type RunningProcess, runProcess, VirtualClock } from '@hotline/platform';
// The product's own list and demo, by path: the standalone package depends on this one, not the reverse.
import { loadDemoHotline } from '../../standalone/src/demo/demo-loader.ts';
import { hotlineServices } from '../../standalone/src/hotline-services.ts';
import { accessWithKeys, embeddedTestEnv } from '../../standalone/test/hotline-api.ts';

/** A Wednesday morning in late November, Paris time: the demo holds the year so far, some tickets open. */
export const DEMO_NOW = Date.parse('2026-11-25T10:00:00+01:00');

export interface DemoProduct {
  readonly running: RunningProcess;
  readonly clock: VirtualClock;
  readonly url: string;
  /** Access control as `npm start` has it: the settings naming the keys file (a dashboard of its own reads it too). */
  readonly accessEnv: Record<string, string>;
  /** The manager's key, which the dashboard's reader pastes, and the headers that carry it. */
  readonly managerKey: string;
  readonly headers: { readonly 'x-api-key': string };
  getJson<T = Record<string, unknown>>(path: string): Promise<T>;
  stop(): Promise<void>;
}

/**
 * The embedded product as `npm start` runs it, access control on with a manager's key, on a temp
 * SQLite file, a free port and a virtual clock; `env` adds settings.
 */
export async function startDemoProduct(options: { env?: Record<string, string> } = {}): Promise<DemoProduct> {
  const directory = mkdtempSync(join(tmpdir(), 'hotline-dashboard-'));
  const access = accessWithKeys(directory, { manager: { role: 'manager', label: 'Dashboard tests' } });
  const headers = { 'x-api-key': access.keys.manager };
  const clock = new VirtualClock(DEMO_NOW);
  const running = await runProcess({
    name: 'hotline-dashboard-e2e',
    description: 'The embedded product under the dashboard tests',
    env: {
      ...embeddedTestEnv(directory, access),
      ...options.env,
    },
    clock,
    async prepare(context) {
      const contracts = new ContractDirectory().start(context.store);
      await loadDemoHotline({ ...context, contracts }, context.clock.now(), context.logger);
      await contracts.stop();
    },
    services: hotlineServices,
  });
  return {
    running,
    clock,
    url: running.url,
    accessEnv: access.env,
    managerKey: access.keys.manager,
    headers,
    async getJson<T>(path: string) {
      const response = await fetch(`${running.url}${path}`, { headers });
      if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
      return (await response.json()) as T;
    },
    async stop() {
      await running.stop();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/**
 * A malfunction on ACME's ERP in production (contract ACME-M, DOMAIN.md's worked examples), received
 * at the product's now through intake's HTTP API. Returns its id.
 */
export async function submitTicket(
  product: DemoProduct,
  { priority, externalId }: { priority: 'P1' | 'P2' | 'P3'; externalId: string },
): Promise<string> {
  const response = await fetch(`${product.url}/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...product.headers },
    body: JSON.stringify({
      externalId,
      clientId: 'ACME',
      product: 'ERP',
      version: '12.4',
      environment: 'production',
      nature: 'malfunction',
      priority,
      description: 'Invoices fail to post',
      reproductionSteps: 'Post any invoice',
      reportedBy: 'contact-acme',
    }),
  });
  const body = (await response.json()) as { ticketId?: string; coverage?: { status: string } };
  if (response.status !== 201 || body.coverage?.status !== 'covered') {
    throw new Error(`POST /tickets: ${response.status} ${JSON.stringify(body)}`);
  }
  return body.ticketId!;
}
