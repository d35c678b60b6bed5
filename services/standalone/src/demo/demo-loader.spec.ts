import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createIntakeService } from '@hotline/intake';
import {
  ContractDirectory,
  type RunningProcess,
  runProcess,
  serviceHarness,
  settled,
  VirtualClock,
} from '@hotline/platform';
import { createLogger } from '@hotline/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { hotlineServices } from '../hotline-services.ts';
import { loadDemoHotline } from './demo-loader.ts';

let harness: Awaited<ReturnType<typeof serviceHarness>> | undefined;
let running: RunningProcess | undefined;
let directory: string | undefined;
afterEach(async () => {
  await harness?.close();
  await running?.stop();
  if (directory !== undefined) rmSync(directory, { recursive: true, force: true });
});

/** Intake on a fresh store at `now`: what the demo loader writes through. */
async function intakeAt(now: number) {
  let intake: ReturnType<typeof createIntakeService> | undefined;
  const started = await serviceHarness((context) => {
    intake = createIntakeService(context);
    return intake;
  }, now);
  harness = started;
  const logger = createLogger({ service: 'demo-test', level: 'silent' });
  const deps = { store: started.store, bus: started.bus, clock: started.clock, logger, contracts: intake!.contracts };
  return { deps, logger };
}

describe('the demo hotline', () => {
  it('fills an empty store with contracts, agents, months of tickets and the steering, through the domain rules', async () => {
    const now = Date.parse('2026-03-31T18:00:00+02:00');
    const { deps, logger } = await intakeAt(now);
    const tickets = await loadDemoHotline(deps, now, logger);
    expect(tickets).toBeGreaterThan(50);
    const streams = new Set((await deps.store.readAll()).map((event) => event.stream.split('-')[0]));
    expect([...streams].sort()).toEqual([
      'agent',
      'article',
      'billing',
      'client',
      'contract',
      'document',
      'faq',
      'objectives',
      'product',
      'ticket',
      'training',
    ]);
    // Nothing in the demo is dated after now, and a second start leaves the store alone.
    const events = await deps.store.readAll();
    expect(events.every((event) => Date.parse(event.occurredAt) <= now)).toBe(true);
    expect(await loadDemoHotline(deps, now, logger)).toBe(0);
    expect(await deps.store.readAll()).toHaveLength(events.length);
  });

  it("loads on the demo year's first days too, the steering facts not yet due left out", async () => {
    const now = Date.parse('2026-01-20T10:00:00+01:00');
    const { deps, logger } = await intakeAt(now);
    expect(await loadDemoHotline(deps, now, logger)).toBeGreaterThan(0);
    const events = await deps.store.readAll();
    expect(events.every((event) => Date.parse(event.occurredAt) <= now)).toBe(true);
    expect(events.filter((event) => event.type === 'BillableItemRecorded').length).toBeGreaterThan(0);
  });

  it('fills every steering panel of the dashboard: none of their routes comes back empty', async () => {
    // The dashboard tests' clock: a Wednesday in late November, Paris time.
    const now = Date.parse('2026-11-25T10:00:00+01:00');
    directory = mkdtempSync(join(tmpdir(), 'hotline-demo-'));
    running = await runProcess({
      name: 'hotline-demo-test',
      description: 'The embedded product on the demo',
      env: {
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        AUTH: 'off',
        SQLITE_FILE: join(directory, 'demo.sqlite'),
      },
      clock: new VirtualClock(now),
      async prepare(context) {
        const contracts = new ContractDirectory().start(context.store);
        await loadDemoHotline({ ...context, contracts }, context.clock.now(), context.logger);
        await contracts.stop();
      },
      services: hotlineServices,
    });
    const get = async <T>(path: string): Promise<T> => {
      const response = await fetch(`${running!.url}${path}`);
      expect(response.status, path).toBe(200);
      return (await response.json()) as T;
    };
    type Rows<Row = Record<string, unknown>> = { items: Row[] };

    const year = await get<{ objectives: { status: string }[]; budget: { budgetCents: number } | null }>(
      '/reports/objectives/2026',
    );
    expect(new Set(year.objectives.map((objective) => objective.status))).toEqual(new Set(['met', 'missed']));
    expect(year.budget?.budgetCents).toBe(1_500_000);

    const due = await get<Rows<{ clientId: string; reason: string }>>('/reports/clients/reviews-due');
    expect(due.items.map((row) => [row.clientId, row.reason])).toEqual([
      ['ACME', 'context_without_review'],
      ['GLOBEX', 'minutes_missing'],
      ['UMBRELLA', 'requested_not_held'],
    ]);
    const contexts = await get<Rows<{ clientId: string; context: string }>>('/reports/reviews/contexts');
    expect(contexts.items.map((row) => `${row.clientId}:${row.context}`).sort()).toEqual([
      'ACME:migration',
      'GLOBEX:sensitive',
      'INITECH:special_follow_up',
    ]);
    const reviews = await get<Rows>('/reports/reviews?year=2026');
    expect(reviews.items).toHaveLength(3);
    const actions = await get<Rows<{ state: string }>>('/reports/reviews/actions?year=2026');
    expect(actions.items.map((row) => row.state).sort()).toEqual(['done', 'dropped', 'open', 'overdue']);

    // Resolution bills the demo's recorded time once the services run, one reaction after another.
    await settled(running!.context.store);
    const billingOf = () =>
      get<Rows<{ itemId: string; amountCents: number }> & { total: number }>('/reports/billing?month=2026&limit=1000');
    await expect.poll(async () => (await billingOf()).items.length).toBeGreaterThan(10);
    const billing = await billingOf();
    expect(billing.items.find((item) => item.itemId === 'OS-U1')?.amountCents).toBe(9_259);
    const totals = await get<Rows>('/reports/billing/totals?month=2026');
    expect(totals.items.length).toBeGreaterThan(0);
    const unpriced = await get<Rows<{ clientId: string }>>('/reports/billing/unpriced?month=2026');
    expect(unpriced.items.map((item) => item.clientId)).toEqual(['INITECH']);

    for (const by of ['product', 'client', 'agent']) {
      const time = await get<Rows<{ minutes: number }>>(`/reports/time?by=${by}&year=2026`);
      expect(time.items.length, by).toBeGreaterThan(1);
      expect(time.items.every((row) => row.minutes > 0)).toBe(true);
    }
    const trainings = await get<Rows<{ status: string }>>('/reports/trainings?year=2026');
    expect(trainings.items.map((row) => row.status).sort()).toEqual(['cancelled', 'completed', 'planned']);
    const proposals = await get<Rows<{ product: string; reasons: string[] }>>('/reports/trainings/proposals?year=2026');
    expect(proposals.items.find((row) => row.product === 'BI')?.reasons).toContain('new_application');
    const products = await get<Rows<{ product: string }>>('/reports/products?year=2026');
    expect(products.items.map((row) => row.product).sort()).toEqual(['BI', 'CRM', 'ERP', 'PAY']);
    expect((await get<Rows>('/reports/products/documents')).items).toHaveLength(3);
    const faq = await get<Rows<{ ticketIds: string[] }>>('/reports/products/faq');
    expect(faq.items).toHaveLength(2);
    expect(faq.items.every((row) => row.ticketIds.length > 0)).toBe(true);
    const report = await get<{ actions: unknown[] }>('/reports/activity-report/2026?format=json');
    expect(report.actions.length).toBeGreaterThan(0);
  });
});
