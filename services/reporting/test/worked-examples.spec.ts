import { seedWorkedExamples } from '@hotline/platform';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ReportingHarness, reportingHarness } from './support/reporting-harness.ts';

// DOMAIN.md's worked examples, recorded as the services record them, read back through the whole
// pipeline: store → relay → support.events.v1 → projections → views → HTTP.
let harness: ReportingHarness;
beforeEach(async () => {
  harness = await reportingHarness(Date.parse('2026-09-14T11:00:00+02:00'));
  await seedWorkedExamples(harness.store);
});
afterEach(async () => harness.close());

const json = async (url: string) => {
  const response = await harness.get(url);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

describe('the worked examples through the pipeline', () => {
  it('counts the indicators of 2026 per priority (GET /indicators/:year keeps its shape)', async () => {
    const indicators = await json('/indicators/2026');
    expect(indicators.byPriority.P1.malfunctions).toEqual({ within: 0, resolved: 1 });
    expect(indicators.byPriority.P1.productionOverrunDays).toBe(1);
    expect(indicators.byPriority.P2).toMatchObject({
      malfunctions: { within: 0, resolved: 1 },
      productionOverrunDays: 7,
    });
    expect(indicators.byPriority.P3.functional).toEqual({ within: 1, resolved: 1 });
    expect(indicators.claimingClients).toEqual([]);
    expect(indicators.asOf).toBe('2026-09-14T09:00:00.000Z');
  });

  it('narrows the indicators to a month', async () => {
    const may = await json('/indicators/2026?month=5');
    expect(may.byPriority.P2.malfunctions).toEqual({ within: 0, resolved: 1 });
    expect(may.byPriority.P1.malfunctions).toEqual({ within: 0, resolved: 0 });
    const april = await json('/reports/indicators?year=2026&month=4');
    expect(april.byPriority.P1.malfunctions).toEqual({ within: 0, resolved: 1 });
  });

  it('derives each overrun and penalty to the cent: 7 days of P2 is 336.00 EUR, 1 day of P1 is 120.00 EUR', async () => {
    const overruns = await json('/reports/overruns?year=2026');
    expect(
      overruns.items.map((row: { ticketId: string; overrunDays: number; penaltyCents: number }) => [
        row.ticketId,
        row.overrunDays,
        row.penaltyCents,
      ]),
    ).toEqual([
      ['WE-1', 7, 33_600],
      ['WE-2', 1, 12_000],
    ]);
    expect(overruns.items[0].resolutionDueAt).toBe('2026-05-20T08:00:00.000Z');
    const penalties = await json('/reports/penalties');
    expect(penalties.items).toHaveLength(1);
    expect(penalties.items[0]).toMatchObject({
      contractId: 'ACME-M',
      contractYear: { index: 0, startsOn: '2026-01-01', endsBefore: '2027-01-01' },
      accruedCents: 45_600,
      yearCapCents: 240_000,
      provisionCents: 45_600,
      cappedAtYear: false,
    });
  });

  it('shows the SLA standing of each ticket: example 4 breached its P1 take-charge', async () => {
    const p1 = await json('/reports/tickets?priority=P1');
    expect(p1.total).toBe(2);
    const we4 = p1.items.find((row: { ticketId: string }) => row.ticketId === 'WE-4');
    expect(we4).toMatchObject({ sla: 'breached', status: 'received' });
    expect(we4.targets.takeCharge).toMatchObject({ status: 'breached', dueAt: '2026-09-14T08:00:00.000Z' });
    const detail = await json('/reports/tickets/WE-1');
    expect(
      detail.slaTargets.map((target: { target: string; status: string }) => [target.target, target.status]),
    ).toEqual([
      ['takeCharge', 'met'],
      ['workaround', 'breached'],
      ['resolution', 'breached'],
    ]);
    expect(detail.penalty).toMatchObject({ perDayCents: 4_800, overrunDays: 7, amountCents: 33_600 });
    expect(detail.termsInForce).toEqual({ effectiveAt: '2025-12-31T23:00:00.000Z', amendmentId: null });
  });

  it('lists the open tickets past due, and the processing times of the client', async () => {
    const pastDue = await json('/reports/overruns/past-due');
    expect(pastDue.items).toMatchObject([{ ticketId: 'WE-4', target: 'takeCharge', lateMs: 3_600_000 }]);
    const times = await json('/reports/processing-times?year=2026');
    expect(times.items[0]).toMatchObject({ clientId: 'ACME', resolution: { count: 3, met: 1, breached: 2 } });
  });

  it('answers 404 with a problem for an unknown ticket', async () => {
    const response = await harness.get('/reports/tickets/nope');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'ticket.not_found' });
  });
});
