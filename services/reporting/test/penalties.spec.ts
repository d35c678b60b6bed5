import { acmeMaintenanceTerms } from '@hotline/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { paris } from './support/hotline-scenario.ts';
import { type ReportingHarness, reportingHarness } from './support/reporting-harness.ts';

// ACME-M of DOMAIN.md: P1 120.00 EUR a day, P2 48.00 EUR; caps 1,200.00 EUR a ticket, 2,400.00 EUR a year.
let harness: ReportingHarness;
const agent = 'agent-ada';

async function resolvedLate(
  ticketId: string,
  priority: 'P1' | 'P2',
  receivedAt: string,
  resolvedAt: string,
  clientId = 'ACME',
) {
  const { scenario } = harness;
  await scenario.ticket(ticketId, [
    scenario.receive(clientId, receivedAt, { priority }),
    { type: 'TakeCharge', by: agent, at: receivedAt.replace('T09:00', 'T09:10') },
    { type: 'ResolveTicket', how: 'fix', by: agent, at: resolvedAt },
  ]);
}

beforeEach(async () => {
  harness = await reportingHarness(Date.parse(paris('2027-01-10T12:00', '+01:00')));
  const { scenario } = harness;
  await scenario.sign('ACME-M', 'ACME', acmeMaintenanceTerms);
  await scenario.sign('GLOBEX-M', 'GLOBEX', acmeMaintenanceTerms);
  // Due Tue 3 Feb 18:00, resolved Sun 15 Mar 18:00: exactly 40 days, 4,800.00 EUR before the ticket cap.
  await resolvedLate('T-1', 'P1', paris('2026-02-02T09:00', '+01:00'), paris('2026-03-15T18:00', '+01:00'));
  // Due Tue 10 Feb 18:00, resolved 25 Feb 18:00: exactly 15 days, 1,800.00 EUR before the cap.
  await resolvedLate('T-2', 'P1', paris('2026-02-09T09:00', '+01:00'), paris('2026-02-25T18:00', '+01:00'));
  // Due Fri 6 Mar 18:00 (40 business hours), resolved 13 Mar 18:00: 7 days, 336.00 EUR.
  await resolvedLate('T-3', 'P2', paris('2026-03-02T09:00', '+01:00'), paris('2026-03-13T18:00', '+01:00'));
  await scenario.ticket('T-1', [
    { type: 'ClaimPenalty', claimId: 'C-1', amountCents: 120_000, by: 'contact-acme', at: paris('2026-04-01T10:00') },
    { type: 'SettlePenalty', claimId: 'C-1', amountCents: 100_000, by: 'manager', at: paris('2026-04-15T10:00') },
  ]);
  await scenario.ticket('T-2', [
    { type: 'ClaimPenalty', claimId: 'C-2', by: 'contact-acme', at: paris('2026-04-02T10:00') },
    { type: 'WaivePenalty', claimId: 'C-2', reason: 'Goodwill', by: 'manager', at: paris('2026-04-20T10:00') },
  ]);
  await resolvedLate('G-1', 'P2', paris('2026-11-02T09:00', '+01:00'), paris('2026-11-03T09:00', '+01:00'), 'GLOBEX');
  // Half past midnight in Paris on New Year's Day is still 2026 in UTC: it belongs to 2027.
  await scenario.ticket('G-1', [
    { type: 'ClaimPenalty', claimId: 'C-3', by: 'contact-globex', at: paris('2027-01-01T00:30', '+01:00') },
  ]);
});
afterEach(async () => harness.close());

const json = async (url: string) => {
  const response = await harness.get(url);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

describe('penalties', () => {
  it('caps each ticket at 5% of the fee and the contract year at 10%, serving earlier penalties first', async () => {
    const tickets = await json('/reports/penalties/tickets?contractId=ACME-M');
    const byId = Object.fromEntries(tickets.items.map((row: { ticketId: string }) => [row.ticketId, row]));
    expect(byId['T-1']).toMatchObject({
      overrunDays: 40,
      uncappedCents: 480_000,
      ticketCapCents: 120_000,
      cappedAtTicket: true,
      amountCents: 120_000,
      allocatedCents: 86_400,
    });
    expect(byId['T-2']).toMatchObject({
      overrunDays: 15,
      uncappedCents: 180_000,
      amountCents: 120_000,
      allocatedCents: 120_000,
    });
    expect(byId['T-3']).toMatchObject({
      overrunDays: 7,
      amountCents: 33_600,
      cappedAtTicket: false,
      allocatedCents: 33_600,
    });
    const [year] = (await json('/reports/penalties?contractId=ACME-M')).items;
    expect(year).toMatchObject({
      accruedCents: 273_600,
      yearCapCents: 240_000,
      provisionCents: 240_000,
      cappedAtYear: true,
      claimed: { count: 2, cents: 120_000, provisionedCents: 206_400 },
      settled: { count: 1, cents: 100_000 },
      waived: { count: 1, provisionedCents: 120_000 },
      openClaims: 0,
    });
  });

  it('lists the clients that claimed in the year, by the Paris calendar', async () => {
    expect((await json('/indicators/2026')).claimingClients).toEqual(['ACME']);
    expect((await json('/indicators/2027')).claimingClients).toEqual(['GLOBEX']);
    const claims = await json('/reports/penalties/claims?year=2026');
    expect(claims.items).toEqual([
      {
        clientId: 'ACME',
        claims: 2,
        claimedCents: 120_000,
        open: 0,
        settled: 1,
        settledCents: 100_000,
        waived: 1,
        tickets: ['T-1', 'T-2'],
      },
    ]);
    expect((await json('/indicators/2026')).byPriority.P1.claimingClients).toBe(1);
  });

  it('exports the contract years as CSV a French spreadsheet opens as is', async () => {
    const response = await harness.get('/reports/penalties.csv');
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="penalites.csv"');
    const [header, acme] = response.body.split('\r\n');
    expect(header?.startsWith('\uFEFFContrat;Référence;Client;Année contractuelle;')).toBe(true);
    expect(acme).toContain('ACME-M;REF-ACME-M;ACME;1;2026-01-01;2027-01-01;24000,00;2736,00;2400,00;2400,00;oui;2;');
  });
});
