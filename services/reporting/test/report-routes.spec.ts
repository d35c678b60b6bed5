import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthPeriod, yearPeriod } from '../src/queries/periods.ts';
import { writeHotlineHistory } from './support/hotline-history.ts';
import { type ReportingHarness, reportingHarness } from './support/reporting-harness.ts';
import { scannedIndicators } from './support/scan-queries.ts';

const from = Date.parse('2026-01-05T08:00:00+01:00');
const until = Date.parse('2026-07-01T12:00:00+02:00');

let harness: ReportingHarness;
beforeAll(async () => {
  harness = await reportingHarness(until);
  await writeHotlineHistory(harness.store, { tickets: 300, from, until, seed: 21 });
});
afterAll(async () => harness.close());

const json = async (url: string) => {
  const response = await harness.get(url);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

describe('the query API', () => {
  it('pages tickets latest first, with filters that the CSV export applies too', async () => {
    const all = await json('/reports/tickets?limit=20');
    expect(all.total).toBe(300);
    expect(all.items).toHaveLength(20);
    const received = all.items.map((row: { receivedAt: string }) => row.receivedAt);
    expect([...received].sort().reverse()).toEqual(received);
    expect((await json('/reports/tickets?limit=20&offset=20')).items[0].ticketId).not.toBe(all.items[0].ticketId);

    const filtered = await json('/reports/tickets?clientId=C002&status=closed,resolved&nature=malfunction&limit=1000');
    expect(filtered.total).toBeGreaterThan(0);
    for (const row of filtered.items) {
      expect(row).toMatchObject({ clientId: 'C002', nature: 'malfunction' });
      expect(['closed', 'resolved']).toContain(row.status);
    }
    const csv = await harness.get('/reports/tickets.csv?clientId=C002&status=closed,resolved&nature=malfunction');
    expect(csv.body.trimEnd().split('\r\n')).toHaveLength(filtered.total + 1);
  });

  it('filters by SLA standing at now and by dates', async () => {
    const breached = await json('/reports/tickets?sla=breached&limit=1000');
    expect(breached.total).toBeGreaterThan(0);
    for (const row of breached.items) expect(row.sla).toBe('breached');
    const march = await json(
      '/reports/tickets?receivedFrom=2026-03-01T00:00:00%2B01:00&receivedTo=2026-04-01T00:00:00%2B02:00&limit=1000',
    );
    for (const row of march.items)
      expect(row.receivedAt >= '2026-02-28T23:00:00.000Z' && row.receivedAt < '2026-03-31T22:00:00.000Z').toBe(true);
  });

  it('answers every table as JSON and as CSV', async () => {
    const tables = [
      '/reports/indicators',
      '/reports/overruns?production=true',
      '/reports/overruns/past-due',
      '/reports/penalties',
      '/reports/penalties/tickets',
      '/reports/penalties/claims',
      '/reports/processing-times',
      '/reports/activity/volumes',
      '/reports/activity/backlog?year=2026',
      '/reports/activity/billable',
      '/reports/activity/requests',
      '/reports/knowledge/articles?minTickets=2',
      '/reports/knowledge/recurring-problems',
      '/reports/workload',
    ];
    for (const table of tables) {
      await json(table);
      const [path, query] = table.split('?');
      const csv = await harness.get(`${path}.csv${query === undefined ? '' : `?${query}`}`);
      expect(csv.statusCode, `${table}: ${csv.body}`).toBe(200);
      expect(csv.body.startsWith('\uFEFF')).toBe(true);
    }
    expect((await json('/reports/activity/reopen-rate?year=2026')).resolved).toBeGreaterThan(0);
  });

  it('counts the backlog at the end of each month, and the billable interventions of clients without helpline', async () => {
    const backlog = await json('/reports/activity/backlog?year=2026');
    expect(backlog.items.map((point: { at: string }) => point.at).slice(0, 2)).toEqual([
      '2026-01-31T23:00:00.000Z',
      '2026-02-28T23:00:00.000Z',
    ]);
    const billable = await json('/reports/activity/billable?year=2026');
    expect(billable.items.length).toBeGreaterThan(0);
    for (const row of billable.items) expect(row.coverage !== 'covered' || row.nature === 'service').toBe(true);
  });

  it('finds FAQ candidates: articles used often, and recurring problems without an article', async () => {
    const articles = await json('/reports/knowledge/articles?minTickets=2');
    expect(articles.items.length).toBeGreaterThan(0);
    const problems = await json('/reports/knowledge/recurring-problems?minTickets=5');
    expect(problems.items[0]).toMatchObject({ problem: expect.any(String), tickets: expect.any(Number) });
  });

  it('pages the recurring problems with their latest tickets, and lists every ticket of one through its own route', async () => {
    const all = await json('/reports/knowledge/recurring-problems?minTickets=2&limit=1000');
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBeGreaterThan(2);
    const second = await json('/reports/knowledge/recurring-problems?minTickets=2&limit=1&offset=1');
    expect(second).toMatchObject({ total: all.total, limit: 1, offset: 1, items: [all.items[1]] });
    const csv = await harness.get('/reports/knowledge/recurring-problems.csv?minTickets=2');
    expect(csv.body.trimEnd().split('\r\n')).toHaveLength(all.total + 1);
    const [top] = all.items;
    expect(top.latestTicketIds).toHaveLength(Math.min(top.tickets, 5));
    const problem = `product=${encodeURIComponent(top.product)}&problem=${encodeURIComponent(top.problem)}`;
    const tickets = await json(`/reports/knowledge/recurring-problems/tickets?${problem}&limit=1000`);
    expect(tickets.total).toBe(top.tickets);
    expect(tickets.items.slice(0, 5).map((row: { ticketId: string }) => row.ticketId)).toEqual(top.latestTicketIds);
    const received = tickets.items.map((row: { receivedAt: string }) => row.receivedAt);
    expect([...received].sort().reverse()).toEqual(received);
    const page = await json(`/reports/knowledge/recurring-problems/tickets?${problem}&limit=2&offset=1`);
    expect(page.items).toEqual(tickets.items.slice(1, 3));
    const ticketsCsv = await harness.get(`/reports/knowledge/recurring-problems/tickets.csv?${problem}`);
    expect(ticketsCsv.body.trimEnd().split('\r\n')).toHaveLength(top.tickets + 1);
    expect(
      (await json('/reports/knowledge/recurring-problems/tickets?product=ERP&problem=nothing%20like%20it')).total,
    ).toBe(0);
  });

  it('prints a client report for client reviews, in French first', async () => {
    const response = await harness.get('/reports/clients/C003?year=2026');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain('<html lang="fr">');
    expect(response.body).toContain('Point client — C003');
    expect(response.body).toContain('Délais de traitement');
    const english = await harness.get('/reports/clients/C003?year=2026&lang=en');
    expect(english.body).toContain('Client review — C003');
  });

  it('narrows the indicators by client, product, nature and environment, in JSON, per month and as CSV', async () => {
    const now = until;
    const view = await harness.service.projections.current();
    const filters = { clientId: 'C002', product: 'ERP', nature: 'malfunction', environment: 'production' } as const;
    const query = new URLSearchParams(filters).toString();
    const byYear = await json(`/indicators/2026?${query}`);
    const expected = scannedIndicators(view, yearPeriod(2026), now, filters);
    expect(byYear.byPriority).toEqual(expected.byPriority);
    expect(byYear.claimingClients).toEqual(expected.claimingClients);
    // The filters narrow: a product alone counts fewer resolved malfunctions than the whole hotline.
    const resolved = (body: { byPriority: Record<string, { malfunctions: { resolved: number } }> }) =>
      Object.values(body.byPriority).reduce((sum, row) => sum + row.malfunctions.resolved, 0);
    const whole = resolved(await json('/indicators/2026'));
    const erp = resolved(await json('/indicators/2026?product=ERP'));
    expect(erp).toBeGreaterThan(0);
    expect(erp).toBeLessThan(whole);
    expect(resolved(await json('/indicators/2026?nature=functional'))).toBe(0);

    const report = await json(`/reports/indicators?year=2026&byMonth=true&${query}`);
    expect(report.byPriority).toEqual(expected.byPriority);
    expect(report.objectives).toEqual([]);
    expect(report.months[4].byPriority).toEqual(
      scannedIndicators(view, monthPeriod(2026 * 12 + 4), now, filters).byPriority,
    );
    const csv = await harness.get(`/reports/indicators.csv?year=2026&${query}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body.trimEnd().split('\r\n')).toHaveLength(5);

    const asOf = await json(`/audit/as-of?at=2026-06-01T12:00:00Z&year=2026&${query}`);
    expect(asOf.indicators.byPriority).toBeDefined();
  });

  it('refuses a filter value outside the domain with a 400 problem naming the field', async () => {
    for (const [url, field] of [
      ['/indicators/2026?nature=bug', 'nature'],
      ['/reports/indicators?environment=prod', 'environment'],
      ['/reports/indicators.csv?product=', 'product'],
      ['/audit/as-of?at=2026-06-01T12:00:00Z&nature=x', 'nature'],
    ] as const) {
      const response = await harness.get(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json().detail).toContain(field);
      expect(response.json().errors).toEqual([expect.objectContaining({ in: 'querystring', path: field })]);
    }
  });
});
