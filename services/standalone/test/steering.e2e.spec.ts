import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acmeMaintenanceTerms, formatMoney, startOfLocalDate } from '@hotline/domain';
import { type RunningProcess, runProcess, VirtualClock } from '@hotline/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hotlineServices } from '../src/hotline-services.ts';
import { accessWithKeys, call, embeddedTestEnv, eventually } from './hotline-api.ts';
import { playWorkedExamplesOverHttp, send } from './steering-worked-examples.ts';

// Issue #11 end to end: the manager's steering on the embedded product, through its public HTTP API
// only, on DOMAIN.md's worked examples (contracts ACME-M and ACME-H) and a few facts around them.

const directory = mkdtempSync(join(tmpdir(), 'hotline-steering-'));
// Access control as the product has it by default: every call with the manager's key.
const access = accessWithKeys(directory, { manager: { role: 'manager' } });
const headers = { 'x-api-key': access.keys.manager };
const clock = new VirtualClock(Date.parse('2025-12-15T10:00:00+01:00'));
const manager = { by: 'manager-max' };
let running: RunningProcess;
let ticketIds: ReadonlyMap<string, string>;

/** A Paris wall time (`2026-09-21T10:00`) as an instant. */
const paris = (local: string) => {
  const minutes = Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16));
  return new Date(startOfLocalDate('Europe/Paris', local.slice(0, 10)) + minutes * 60_000).toISOString();
};
const at = async (local: string) => {
  await clock.advanceTo(Date.parse(paris(local)));
  return paris(local);
};
const get = (path: string) => send(running.url, 'GET', path, undefined, access.keys.manager);
const post = (path: string, body: object) => send(running.url, 'POST', path, body, access.keys.manager);
const read = async (path: string) => (await call(running.url, 'GET', path, undefined, access.keys.manager)).body;

beforeAll(async () => {
  running = await runProcess({
    name: 'hotline-steering',
    description: 'Steering through the HTTP API',
    clock,
    env: embeddedTestEnv(directory, access),
    services: hotlineServices,
  });
  const put = (path: string, body: object) => send(running.url, 'PUT', path, body, access.keys.manager);
  await put('/objectives/2026', {
    ...manager,
    targets: [
      { indicator: 'malfunctions', priority: 'P1', value: 95 },
      { indicator: 'functional', value: 90 },
      { indicator: 'productionOverrunDays', value: 20 },
      { indicator: 'productionOverrunDays', priority: 'P1', value: 2 },
      { indicator: 'productionOverThirtyDays', value: 0 },
      { indicator: 'claimingClients', value: 0 },
    ],
    penaltyBudgetCents: 50_000,
  });
  await post('/clients/ACME/price-lists', {
    ...manager,
    validFrom: '2026-01-01',
    currency: 'EUR',
    hourlyRates: [
      { workKind: 'malfunction', rateCents: 9_500 },
      { workKind: 'service', rateCents: 11_000 },
      { workKind: 'on_site', rateCents: 12_345 },
    ],
    fixedPrices: [{ service: 'install', label: 'Installation d’une version', priceCents: 150_000 }],
  });
  for (const agentId of ['agent-ann', 'agent-bob']) {
    await post('/agents', { agentId, name: agentId, role: 'agent', ...manager });
    await put(`/agents/${agentId}/skills`, { skills: [{ product: 'ERP', level: 'expert' }], ...manager });
  }
  ticketIds = await playWorkedExamplesOverHttp(running.url, clock, { key: access.keys.manager });
  // Example 4 ends: taken charge at 11:15, fixed on Thu 17 September at noon. Its P1 resolution was
  // due Tue 15 at 18:00 (16 business hours from Mon 09:00): 1 day 18 hours late, 2 overrun days.
  const fourth = `/tickets/${ticketIds.get('WE-4')}`;
  await post(`${fourth}/take-charge`, { by: 'agent-ann', occurredAt: await at('2026-09-14T11:15') });
  await post(`${fourth}/fixes`, {
    how: 'fix',
    note: 'Index rebuilt',
    by: 'agent-ann',
    occurredAt: await at('2026-09-17T12:00'),
  });
});

afterAll(async () => {
  await running?.stop();
  rmSync(directory, { recursive: true, force: true });
});

describe('steering through the HTTP API (issue 11)', () => {
  it('judges the objectives on the worked examples: met and missed, the provision against the budget', async () => {
    await at('2027-01-04T10:00');
    const sla = async (id: string) => get(`/tickets/${ticketIds.get(id)}/sla`);
    expect((await sla('WE-1')).overrunDays).toBe(7);
    expect((await sla('WE-2')).overrunDays).toBe(1);
    expect((await sla('WE-4')).overrunDays).toBe(2);
    const year = await get('/reports/objectives/2026');
    expect(
      year.objectives.map((row: { indicator: string; priority: string | null; actual: number; status: string }) => [
        row.indicator,
        row.priority,
        row.actual,
        row.status,
      ]),
    ).toEqual([
      // Examples 2 and 4 resolved late (P1): none of two within deadlines.
      ['malfunctions', 'P1', 0, 'missed'],
      // Example 3, reopened and resolved again exactly at its due instant.
      ['functional', null, 100, 'met'],
      // 7 (example 1) + 1 (example 2) + 2 (example 4) days on production.
      ['productionOverrunDays', null, 10, 'met'],
      ['productionOverrunDays', 'P1', 3, 'missed'],
      ['productionOverThirtyDays', null, 0, 'met'],
      ['claimingClients', null, 0, 'met'],
    ]);
    // 336.00 + 120.00 + 240.00 EUR of penalties against a budget of 500.00 EUR.
    expect(year.budget).toMatchObject({ budgetCents: 50_000, provisionCents: 69_600, status: 'missed' });
  });

  it('bills time at the rate and on-site services by time and at a fixed price, to the cent, CSV too', async () => {
    const received = await post('/tickets', {
      externalId: 'SVC-1',
      clientId: 'ACME',
      product: 'ERP',
      environment: 'production',
      nature: 'service',
      priority: 'P3',
      description: 'Installer la version 12.5 sur la préproduction',
      reportedBy: 'contact-acme',
      occurredAt: paris('2026-09-21T10:00'),
    });
    // 37 minutes at 110.00 € an hour: 67.8333 €, billed 67.83 €.
    await post(`/tickets/${received.ticketId}/time`, {
      by: 'agent-ann',
      minutes: 37,
      what: 'Préparation de l’installation',
      occurredAt: paris('2026-09-21T15:00'),
    });
    // Covered by ACME-M: counted as time spent, never billed.
    await post(`/tickets/${ticketIds.get('WE-1')}/time`, {
      by: 'agent-bob',
      minutes: 30,
      what: 'Analyse',
      occurredAt: paris('2026-05-26T16:00'),
    });
    // No contract and no price list: kept aside, unpriced.
    const other = await post('/tickets', {
      externalId: 'ZORG-1',
      clientId: 'ZORG',
      product: 'ERP',
      version: '12.4',
      environment: 'test',
      nature: 'malfunction',
      priority: 'P3',
      description: 'Export vide',
      reproductionSteps: 'Exporter',
      reportedBy: 'contact-zorg',
      occurredAt: paris('2026-09-22T09:30'),
    });
    await post(`/tickets/${other.ticketId}/time`, {
      by: 'agent-bob',
      minutes: 20,
      what: 'Analyse',
      occurredAt: paris('2026-09-22T11:00'),
    });
    const onSite = { by: 'agent-ann', agentId: 'agent-ann', product: 'ERP', description: 'Sur site' };
    // 45 minutes at 123.45 € an hour: 92.5875 €, billed 92.59 €.
    await post('/clients/ACME/on-site-services', {
      ...onSite,
      serviceId: 'OS-1',
      on: '2026-09-23',
      pricing: { kind: 'time', minutes: 45 },
    });
    await post('/clients/ACME/on-site-services', {
      ...onSite,
      serviceId: 'OS-2',
      on: '2026-09-24',
      pricing: { kind: 'fixed', service: 'install' },
    });

    const billing = await eventually(async () => {
      const answer = await get('/clients/ACME/billing');
      return answer.items.length === 3 ? answer : undefined;
    });
    expect(
      billing.items.map((item: { pricing: string; on: string; amountCents: number }) => [
        item.pricing,
        item.on,
        item.amountCents,
      ]),
    ).toEqual([
      ['time', '2026-09-21', 6_783],
      ['time', '2026-09-23', 9_259],
      ['fixed', '2026-09-24', 150_000],
    ]);
    expect(billing.totalCents).toBe(166_042);
    const unpriced = await eventually(async () => {
      const answer = await read('/reports/billing/unpriced?month=2026');
      return answer?.items?.length === 1 ? answer : undefined;
    });
    expect(unpriced.items).toMatchObject([{ clientId: 'ZORG', ticketId: other.ticketId, minutes: 20 }]);
    const totals = await get('/reports/billing/totals?month=2026');
    expect(totals.items).toEqual([
      expect.objectContaining({ clientId: 'ACME', month: '2026-09', currency: 'EUR', amountCents: 166_042, items: 3 }),
    ]);
    const csv = await fetch(`${running.url}/reports/billing.csv?month=2026&lang=fr`, { headers });
    const bytes = new Uint8Array(await csv.arrayBuffer());
    // UTF-8 with a byte order mark, for the spreadsheets that guess otherwise.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...lines] = new TextDecoder().decode(bytes).trim().split('\r\n');
    expect(header!.split(';')).toContain('Montant HT');
    const amount = header!.split(';').indexOf('Montant HT');
    expect(lines.map((line) => line.split(';')[amount])).toEqual(['67,83', '92,59', '1500,00']);
    const time = await get('/reports/time?by=client&year=2026');
    expect(time.items.map((row: { key: string; minutes: number }) => [row.key, row.minutes])).toEqual([
      ['ACME', 67],
      ['ZORG', 20],
    ]);
  });

  it('follows a client context to a review due, held with its actions, and the report of its period', async () => {
    await post('/clients/ACME/context', {
      ...manager,
      kind: 'migration',
      reason: 'Migration vers ERP 13',
      from: '2027-02-01',
      to: '2027-06-30',
    });
    expect((await get('/reports/clients/reviews-due')).items).toEqual([]);
    await at('2027-02-01T09:00');
    const due = await get('/reports/clients/reviews-due');
    expect(due.items).toMatchObject([{ clientId: 'ACME', reason: 'context_without_review', context: 'migration' }]);
    await post('/clients/ACME/reviews', {
      ...manager,
      reviewId: 'R-1',
      scheduledFor: paris('2027-02-10T10:00'),
      requestedBy: 'context',
      context: 'migration',
      period: { from: '2026-01-01', to: '2026-09-30' },
      agenda: 'Les dépassements de 2026 avant la migration',
    });
    expect((await get('/reports/clients/reviews-due')).items).toEqual([]);
    await at('2027-02-11T09:00');
    expect((await get('/reports/clients/reviews-due')).items).toMatchObject([
      { clientId: 'ACME', reason: 'minutes_missing', reviewId: 'R-1' },
    ]);
    await post('/clients/ACME/reviews/R-1/minutes', {
      ...manager,
      notes: 'Dépassements de mai et de septembre expliqués',
      actions: [
        { description: 'Escalader plus tôt les P1', owner: 'manager-max', dueOn: '2027-02-20' },
        { description: 'Envoyer les notes de version ERP 13', owner: 'agent-ann', dueOn: '2027-03-01' },
        { description: 'Former un troisième collaborateur', owner: 'manager-max', dueOn: '2027-02-25' },
      ],
      attendees: ['manager-max', 'contact-acme'],
      occurredAt: paris('2027-02-10T12:00'),
    });
    expect((await get('/reports/clients/reviews-due')).items).toEqual([]);
    await post('/clients/ACME/reviews/R-1/actions/0/completion', {
      ...manager,
      outcome: 'done',
      occurredAt: paris('2027-02-15T10:00'),
    });
    await post('/clients/ACME/reviews/R-1/actions/2/completion', {
      ...manager,
      outcome: 'dropped',
      note: 'Recrutement prévu',
      occurredAt: paris('2027-02-16T10:00'),
    });
    await at('2027-03-02T09:00');
    const actions = await get('/reports/reviews/actions?year=2027');
    expect(actions.items.map((row: { action: number; state: string }) => [row.action, row.state])).toEqual([
      // By due day.
      [0, 'done'],
      [2, 'dropped'],
      [1, 'overdue'],
    ]);
    const reviews = await get('/reports/reviews?year=2027');
    expect(reviews.items).toMatchObject([{ clientId: 'ACME', reviewId: 'R-1', state: 'held', actions: 3 }]);
    // The report of the meeting covers its period: the worked examples and the service of September.
    const report = await fetch(
      `${running.url}/reports/clients/ACME?from=2026-01-01T00:00:00%2B01:00&to=2026-10-01T00:00:00%2B02:00&lang=en`,
      { headers },
    );
    expect(report.status).toBe(200);
    expect(await report.text()).toContain('<h2>Tickets received (5)</h2>');
  });

  it('proposes to train agents on a new application sold under a new contract, until they are trained', async () => {
    await post('/products', {
      ...manager,
      product: 'BI',
      name: 'Tableaux de bord',
      occurredAt: paris('2027-03-02T09:00'),
    });
    await post('/contracts', {
      contractId: 'GLOBEX-BI',
      clientId: 'GLOBEX',
      reference: 'GLOBEX-BI-2027',
      terms: { ...acmeMaintenanceTerms, products: ['BI'] },
      effectiveFrom: paris('2027-03-01T00:00'),
      by: 'sales',
    });
    const proposals = await eventually(async () => {
      const answer = await read('/reports/trainings/proposals?year=2027');
      return answer?.items?.length > 0 ? answer : undefined;
    });
    expect(proposals.items).toMatchObject([
      {
        product: 'BI',
        skilledAgents: 0,
        newContracts: 1,
        reasons: ['new_contracts', 'new_application'],
        agentsToTrain: 1,
      },
    ]);
    await post('/trainings', {
      ...manager,
      trainingId: 'TR-BI',
      kind: 'skill_transfer',
      product: 'BI',
      title: 'BI par l’équipe de développement',
      attendees: ['agent-bob'],
      level: 'confirmed',
      plannedOn: '2027-03-02',
    });
    await post('/trainings/TR-BI/completion', { ...manager, completedOn: '2027-03-02' });
    await eventually(async () => {
      const answer = await read('/reports/trainings/proposals?year=2027');
      return answer?.items?.length === 0 ? true : undefined;
    });
  });

  it("reports the year's activity, JSON and HTML in French and English, with the projections' figures", async () => {
    const report = await get('/reports/activity-report/2026?format=json');
    const { asOf: _asOf, ...objectives } = await get('/reports/objectives/2026');
    expect(report.objectives).toEqual(objectives);
    expect(report.billing.amountCents).toBe(166_042);
    expect(report.billing.totals).toEqual((await get('/reports/billing/totals?month=2026')).items);
    expect(report.time).toEqual((await get('/reports/time?by=product&year=2026')).items);
    const overruns = await get('/reports/overruns?year=2026');
    expect(report.overruns).toMatchObject({ tickets: 3, overrunDays: 10 });
    expect(report.overruns.items).toEqual(overruns.items);
    expect(report.clients.reviewsDue).toEqual((await get('/reports/clients/reviews-due')).items);
    expect(report.resources.proposals).toEqual((await get('/reports/trainings/proposals?year=2026')).items);
    expect(report.volumes.received).toBe(6);
    expect(report.actions.map((action: { kind: string; subject: string }) => [action.kind, action.subject])).toEqual(
      expect.arrayContaining([
        ['objective_missed', 'malfunctions/P1'],
        ['objective_missed', 'productionOverrunDays/P1'],
        ['budget', expect.any(String)],
      ]),
    );
    const french = await fetch(`${running.url}/reports/activity-report/2026`, { headers });
    expect(french.headers.get('content-type')).toContain('text/html');
    const fr = await french.text();
    expect(fr).toMatch(/<html lang="fr"/);
    expect(fr).toContain(formatMoney(69_600, 'EUR', 'fr-FR'));
    expect(fr).toContain('manqué');
    const en = await (await fetch(`${running.url}/reports/activity-report/2026?lang=en`, { headers })).text();
    expect(en).toMatch(/<html lang="en"/);
    expect(en).toContain(formatMoney(69_600, 'EUR', 'en-GB'));
    expect(en).toContain('missed');
  });
});
