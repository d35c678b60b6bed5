import { clientEvent, priceOfTime } from '@hotline/domain';
import { seedWorkedExamples } from '@hotline/platform';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryRecordStore } from '../src/projections/record-store.ts';
import { rebuildRecords } from '../src/rebuild/rebuild.ts';
import { canonical } from './support/canonical-records.ts';
import { paris } from './support/hotline-scenario.ts';
import { type ReportingHarness, reportingHarness } from './support/reporting-harness.ts';
import { seedSteering } from './support/steering-scenario.ts';

// DOMAIN.md's worked examples and issue #11's steering facts, through the pipeline to the HTTP API.
let harness: ReportingHarness;
let records: MemoryRecordStore;
beforeEach(async () => {
  records = new MemoryRecordStore();
  harness = await reportingHarness(Date.parse('2026-09-14T11:00:00+02:00'), { records });
  await seedWorkedExamples(harness.store);
  await seedSteering(harness.scenario);
});
afterEach(async () => harness.close());

const json = async (url: string) => {
  const response = await harness.get(url);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

type Row = Record<string, unknown>;

describe('objectives of the year', () => {
  it('judges each objective on the worked examples: met, at risk (projected over), missed', async () => {
    const year = await json('/reports/objectives/2026');
    expect(year.set).toBe(true);
    const byName = Object.fromEntries(
      year.objectives.map((row: Row) => [`${row.indicator}/${row.priority ?? 'all'}`, row]),
    );
    // P1: WE-2 resolved late, 0 of 1 within deadlines: out of reach even if the rest of the year goes well.
    expect(byName['malfunctions/P1']).toMatchObject({ kind: 'rate', actual: 0, target: 95, status: 'missed' });
    expect(byName['functional/P3']).toMatchObject({ actual: 100, status: 'met' });
    // 7 overrun days of P2 to mid-September: about 10 at this pace, within 20.
    expect(byName['productionOverrunDays/P2']).toMatchObject({ actual: 7, status: 'met' });
    expect(byName['productionOverrunDays/P2'].projected).toBeCloseTo(7 / year.elapsed, 6);
    // 1 day of P1, the target: not missed yet, but projected over it.
    expect(byName['productionOverrunDays/P1']).toMatchObject({ actual: 1, status: 'at_risk' });
    expect(byName['productionOverrunDays/all']).toMatchObject({ actual: 8, status: 'missed' });
    expect(byName['claimingClients/all']).toMatchObject({ actual: 0, status: 'met' });
    // The provision (456.00 EUR: 336.00 + 120.00) within the budget of 500.00, but projected over it.
    expect(year.budget).toMatchObject({ budgetCents: 50_000, provisionCents: 45_600, status: 'at_risk' });
    expect(year.budget.projectedCents).toBe(Math.round(45_600 / year.elapsed));
  });

  it('exports them as CSV (UTF-8 with BOM, ; separated) and agrees with the objectives of the indicators view', async () => {
    const csv = (await harness.get('/reports/objectives.csv?year=2026')).body;
    expect(csv.startsWith('\uFEFFIndicateur;Priorité;Type;Objectif;Réalisé')).toBe(true);
    expect(csv).toContain('malfunctions;P1;rate;95;0;0;missed');
    const indicators = await json('/reports/indicators?year=2026');
    const year = await json('/reports/objectives/2026');
    expect(year.objectives.map((row: Row) => [row.indicator, row.priority, row.actual, row.met])).toEqual(
      indicators.objectives.map((row: Row) => [row.indicator, row.priority, row.actual, row.met]),
    );
  });
});

describe('billing', () => {
  it('lists the items per client and month with totals to the cent; unpriced time aside', async () => {
    const september = await json('/reports/billing?clientId=ACME&month=2026-09');
    expect(september.items.map((row: Row) => [row.itemId, row.amountCents])).toEqual([
      ['item-2', 15_042],
      ['item-4', 1_108],
      ['service-1', 120_000],
    ]);
    expect(priceOfTime(95, 9_500)).toBe(15_042);
    expect(september.totals).toEqual([
      { clientId: 'ACME', month: '2026-09', currency: 'EUR', items: 3, minutes: 102, amountCents: 136_150 },
    ]);
    expect(september.unpriced.map((row: Row) => [row.itemId, row.reason, row.minutes])).toEqual([
      ['item-3', 'billing.no_rate', 30],
    ]);
    const all = await json('/reports/billing/totals?clientId=ACME');
    expect(all.items.map((row: Row) => [row.month, row.amountCents])).toEqual([
      ['2026-08', 1_583],
      ['2026-09', 136_150],
    ]);
    const page = await json('/reports/billing?clientId=ACME&limit=2&offset=1');
    expect(page).toMatchObject({ total: 4, limit: 2, offset: 1 });
    expect(page.items.map((row: Row) => row.itemId)).toEqual(['item-2', 'item-4']);
  });

  it('exports the invoicing CSV with every line, amounts in euros with a decimal comma', async () => {
    const response = await harness.get('/reports/billing.csv?clientId=ACME&month=2026-09&limit=1');
    expect(response.headers['content-type']).toContain('text/csv');
    const lines = response.body.split('\r\n');
    expect(lines[0]!.startsWith('\uFEFFClient;Mois;Jour;Ligne')).toBe(true);
    expect(lines).toHaveLength(5);
    expect(lines[1]).toContain(';150,42;EUR;');
    expect(lines[3]).toContain('Installation on site;fixed;installation;;;1200,00;EUR;2026-01-01');
  });
});

describe('time spent', () => {
  it('sums the time recorded per ticket, product, client and agent', async () => {
    const byAgent = await json('/reports/time?by=agent&year=2026');
    expect(byAgent.items.map((row: Row) => [row.key, row.tickets, row.minutes])).toEqual([
      ['agent-ann', 2, 135],
      ['agent-bob', 1, 30],
    ]);
    expect(byAgent.minutes).toBe(165);
    const byTicket = await json('/reports/time?by=ticket&year=2026');
    expect(byTicket.items.map((row: Row) => [row.key, row.minutes])).toEqual([
      ['WE-1', 120],
      ['WE-3', 45],
    ]);
    expect((await json('/reports/time?by=product&year=2026')).items).toEqual([
      { by: 'product', key: 'ERP', tickets: 2, minutes: 165 },
    ]);
    expect((await json('/reports/time?by=client&year=2026')).items[0]).toMatchObject({ key: 'ACME', minutes: 165 });
    const csv = (await harness.get('/reports/time.csv?by=agent&year=2026')).body;
    expect(csv).toContain('agent;agent-ann;2;135;2,25');
  });
});

describe('time spent in a period', () => {
  it('counts each entry in the month it was recorded, whatever the month the ticket was received', async () => {
    const may = await json('/reports/time?by=agent&year=2026&month=5');
    expect(may.items.map((row: Row) => [row.key, row.minutes])).toEqual([
      ['agent-ann', 90],
      ['agent-bob', 30],
    ]);
    // WE-2 was received in March; time recorded on it in September counts in September.
    await harness.scenario.ticket('WE-2', [
      {
        type: 'RecordTime',
        agentId: 'agent-bob',
        minutes: 15,
        what: 'Follow-up',
        by: 'agent-bob',
        at: paris('2026-09-10T18:00'),
      },
    ]);
    const september = await json('/reports/time?by=ticket&year=2026&month=9');
    expect(september.items).toEqual([{ by: 'ticket', key: 'WE-2', tickets: 1, minutes: 15 }]);
    expect((await json('/reports/time?by=ticket&year=2026&month=3')).items).toEqual([]);
  });
});

describe('client follow-up', () => {
  it('lists the clients due a review, each with its reason', async () => {
    const due = await json('/reports/clients/reviews-due');
    expect(due.items.map((row: Row) => [row.clientId, row.reason, row.context ?? row.reviewId])).toEqual([
      ['ACME', 'context_without_review', 'migration'],
      ['ACME', 'requested_not_held', 'R1'],
      ['BETA', 'minutes_missing', 'R2'],
    ]);
    expect(due.items[1].scheduledForAt).toBe('2026-09-20T08:00:00.000Z');
  });

  it('no longer lists a context once a review is scheduled for it, nor a review once its minutes are in', async () => {
    await harness.scenario.append('client-ACME', [
      clientEvent('ClientReviewScheduled', {
        clientId: 'ACME',
        reviewId: 'R3',
        scheduledFor: paris('2026-10-05T10:00'),
        requestedBy: 'context',
        context: 'migration',
        by: 'manager-max',
        at: paris('2026-09-14T10:30'),
      }),
    ]);
    await harness.scenario.append('client-BETA', [
      clientEvent('ClientReviewHeld', {
        clientId: 'BETA',
        reviewId: 'R2',
        notes: 'All good',
        actions: [],
        by: 'manager-max',
        at: paris('2026-09-14T10:40'),
      }),
    ]);
    const due = await json('/reports/clients/reviews-due');
    expect(due.items.map((row: Row) => [row.clientId, row.reason, row.reviewId])).toEqual([
      ['ACME', 'requested_not_held', 'R1'],
    ]);
  });

  it('lists the reviews, the actions decided and their state, the contexts', async () => {
    const reviews = await json('/reports/reviews?year=2026');
    expect(reviews.items.map((row: Row) => [row.reviewId, row.state, row.actions, row.period])).toEqual([
      ['R0', 'held', 2, { from: '2026-01-01', to: '2026-05-31' }],
      ['R2', 'minutes_missing', 0, null],
      ['R1', 'scheduled', 0, null],
    ]);
    // The release notes were shared on 10 September; the escalation, never closed, is past its day.
    const actions = await json('/reports/reviews/actions?year=2026');
    expect(actions.items.map((row: Row) => [row.description, row.action, row.state, row.closedAt])).toEqual([
      ['Escalate P2 malfunctions earlier', 0, 'overdue', null],
      ['Share the ERP 12.5 release notes', 1, 'done', new Date(paris('2026-09-10T16:00')).toISOString()],
    ]);
    const contexts = await json('/reports/reviews/contexts');
    expect(contexts.items).toEqual([
      {
        clientId: 'ACME',
        context: 'migration',
        reason: 'Moving to ERP 13',
        from: '2026-09-01',
        to: null,
        inForce: true,
      },
    ]);
  });

  it('shows an action dropped with its day and reason, in the table and its CSV', async () => {
    await harness.scenario.append('client-ACME', [
      clientEvent('ReviewActionCompleted', {
        clientId: 'ACME',
        reviewId: 'R0',
        action: 0,
        outcome: 'dropped',
        note: 'P2 escalation replaced by the weekly backlog',
        by: 'manager-max',
        at: paris('2026-09-14T10:45'),
      }),
    ]);
    const actions = await json('/reports/reviews/actions?year=2026');
    expect(actions.items[0]).toMatchObject({
      description: 'Escalate P2 malfunctions earlier',
      state: 'dropped',
      closedAt: new Date(paris('2026-09-14T10:45')).toISOString(),
      note: 'P2 escalation replaced by the weekly backlog',
    });
    expect(actions.items.map((row: Row) => row.state)).toEqual(['dropped', 'done']);
    const csv = (await harness.get('/reports/reviews/actions.csv?year=2026')).body;
    expect(csv).toContain('dropped');
    expect(csv).toContain('P2 escalation replaced by the weekly backlog');
    // Closing an action changes no review's state: the reviews due stay those of the scenario.
    expect((await json('/reports/reviews?year=2026')).items.map((row: Row) => row.state)).toEqual([
      'held',
      'minutes_missing',
      'scheduled',
    ]);
  });
});

describe('products', () => {
  it('shows the catalogue with versions, ends of support, live documents and FAQ entries', async () => {
    const catalogue = await json('/reports/products?year=2026');
    const erp = catalogue.items.find((row: Row) => row.product === 'ERP');
    expect(erp).toMatchObject({
      name: 'ERP Suite',
      versions: [
        { version: '12.4', releasedAt: '2025-10-01T07:00:00.000Z' },
        { version: '12.5', releasedAt: '2026-04-01T07:00:00.000Z' },
      ],
      versionsEndOfSupport: [{ version: '12.3', effectiveOn: '2026-06-30' }],
      supported: true,
      documents: 1,
      faqEntries: 1,
      received: 4,
    });
    const documents = await json('/reports/products/documents?product=ERP');
    expect(documents.items.map((row: Row) => row.documentId)).toEqual(['D1']);
    const faq = await json('/reports/products/faq');
    expect(faq.items.map((row: Row) => [row.entryId, row.ticketIds])).toEqual([['F1', ['WE-3', 'WE-5']]]);
    const changes = await json('/reports/products/changes?year=2026');
    expect(changes.items.map((row: Row) => [row.product, row.change, row.version])).toEqual([
      ['ERP', 'version_released', '12.5'],
      ['ERP', 'end_of_support', '12.3'],
      ['NEWAPP', 'launched', null],
    ]);
  });
});

describe('trainings', () => {
  it('proposes trainings for a new application without trained agents and for new contracts beyond the trained agents', async () => {
    const proposals = await json('/reports/trainings/proposals?year=2026');
    const byProduct = Object.fromEntries(proposals.items.map((row: Row) => [row.product, row]));
    expect(byProduct.NEWAPP).toMatchObject({
      reasons: ['new_application'],
      skilledAgents: 0,
      agentsToTrain: 1,
      reason: 'nouvelle application lancée le 2026-08-01, aucun collaborateur formé',
    });
    expect(byProduct.CRM).toMatchObject({
      reasons: ['new_contracts'],
      skilledAgents: 1,
      newContracts: 3,
      agentsToTrain: 1,
      reasonEn: '3 new contract(s) in 2026 for 1 trained agent(s) (threshold 2 per agent)',
    });
    // ERP: tickets and ACME's contracts of 2026, and no skilled agent.
    expect(byProduct.ERP.reasons).toEqual(['tickets_90_days', 'tickets_year', 'new_contracts']);
    const skills = await json('/reports/products/skills');
    expect(skills.items).toEqual([{ product: 'CRM', agentId: 'agent-ann', name: 'Ann', level: 'confirmed' }]);
    const trainings = await json('/reports/trainings?year=2026');
    expect(trainings.items.map((row: Row) => [row.trainingId, row.status, row.completedBy])).toEqual([
      ['T1', 'completed', ['agent-ann']],
    ]);
  });
});

describe('the yearly activity report', () => {
  it('has the figures of the API, table by table', async () => {
    const report = await json('/reports/activity-report/2026?format=json');
    const { asOf: _asOf, ...objectives } = await json('/reports/objectives/2026');
    expect(report.objectives).toEqual(objectives);
    const { year: _year, asOf: _at, ...indicators } = await json('/indicators/2026');
    expect(report.indicators).toMatchObject(indicators);
    expect(report.volumes.rows).toEqual((await json('/reports/activity/volumes?year=2026')).items);
    expect(report.volumes.received).toBe(4);
    const overruns = await json('/reports/overruns?year=2026');
    expect(report.overruns).toEqual({
      tickets: overruns.tickets,
      overrunDays: overruns.overrunDays,
      items: overruns.items,
    });
    expect(report.clients.reviewsDue).toEqual((await json('/reports/clients/reviews-due')).items);
    expect(report.clients.claims).toEqual((await json('/reports/penalties/claims?year=2026')).items);
    expect(report.billing.totals).toEqual((await json('/reports/billing/totals?month=2026')).items);
    expect(report.billing.amountCents).toBe(137_733);
    expect(report.time).toEqual((await json('/reports/time?by=product&year=2026')).items);
    expect(report.products.catalogue).toEqual((await json('/reports/products?year=2026')).items);
    expect(report.products.changes).toEqual((await json('/reports/products/changes?year=2026')).items);
    expect(report.resources.skills).toEqual((await json('/reports/products/skills')).items);
    expect(report.resources.trainings).toEqual((await json('/reports/trainings?year=2026')).items);
    expect(report.resources.proposals).toEqual((await json('/reports/trainings/proposals?year=2026')).items);
    expect(report.actions.map((action: Row) => [action.kind, action.subject])).toEqual([
      ['objective_missed', 'malfunctions/P1'],
      ['objective_at_risk', 'productionOverrunDays/P1'],
      ['objective_missed', 'productionOverrunDays'],
      ['budget', 'penaltyBudget'],
      ...report.resources.proposals.map((proposal: Row) => ['training', proposal.product]),
      ['client_review', 'ACME'],
      ['client_review', 'ACME'],
      ['client_review', 'BETA'],
    ]);
  });

  it('prints in French by default, in English on request', async () => {
    const french = await harness.get('/reports/activity-report/2026');
    expect(french.headers['content-type']).toContain('text/html');
    expect(french.body).toContain('<html lang="fr">');
    expect(french.body).toContain('Bilan d’activité 2026');
    expect(french.body).toContain('Former 1 collaborateur(s) sur NEWAPP');
    expect(french.body).toContain('456,00');
    expect(french.body).toContain('Dysfonctionnements résolus dans les délais (%) P1 : objectif 95, réalisé 0');
    expect(french.body).toMatch(/pour un budget de 500,00\s€/);
    expect(french.body).toContain('<h3>Clients à revoir</h3>');
    const english = await harness.get('/reports/activity-report/2026?lang=en');
    expect(english.body).toContain('Yearly activity report 2026');
    expect(english.body).toContain('Train 1 agent(s) on CRM: 3 new contract(s)');
    expect(english.body).not.toContain('<script');
  });
});

describe('the steering API', () => {
  it('is described in the OpenAPI document from its zod schemas; a bad axis is a 400 problem', async () => {
    const document = await harness.app.inject({ method: 'GET', url: '/docs/json' });
    expect(Object.keys(document.json().paths)).toEqual(
      expect.arrayContaining([
        '/reports/billing',
        '/reports/billing.csv',
        '/reports/billing/totals',
        '/reports/time',
        '/reports/clients/reviews-due',
        '/reports/clients/reviews-due.csv',
        '/reports/products',
        '/reports/trainings/proposals',
        '/reports/objectives/{year}',
        '/reports/activity-report/{year}',
      ]),
    );
    const wrong = await harness.get('/reports/time?by=week');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
  });
});

describe('the steering records', () => {
  it('are rebuilt identical to those built incrementally', async () => {
    await harness.caughtUp();
    const rebuilt = await rebuildRecords(harness.store);
    const incremental = canonical(records.entries());
    for (const stream of ['billing-ACME', 'training-T1', 'document-D2', 'faq-F1', 'client-ACME', 'product-ERP'])
      expect(incremental.has(stream), stream).toBe(true);
    expect(canonical(rebuilt.records)).toEqual(incremental);
  });
});
