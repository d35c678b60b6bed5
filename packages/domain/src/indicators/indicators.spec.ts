import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../shared/time.ts';
import { indicatorsFor } from './indicators.ts';
import { civilMonth, civilYear } from './periods.ts';
import type { TicketOutcome } from './ticket-outcome.ts';

const at = (iso: string) => Date.parse(iso);
const year2026 = civilYear(2026);
const now = at('2026-11-29T12:00:00+01:00');

function outcome(overrides: Partial<TicketOutcome>): TicketOutcome {
  return {
    ticketId: 'T',
    clientId: 'ACME',
    coverage: 'covered',
    nature: 'malfunction',
    priority: 'P2',
    environment: 'production',
    receivedAt: at('2026-05-07T16:00:00+02:00'),
    resolvedAt: at('2026-05-26T15:00:00+02:00'),
    withdrawn: false,
    withinDeadlines: false,
    overrunMs: 6 * DAY_MS + 5 * 3_600_000,
    overrunDays: 7,
    penaltyClaimsAt: [],
    ...overrides,
  };
}

describe('the five indicators', () => {
  it('counts malfunctions and functional requests resolved in the year within deadlines, per priority', () => {
    const indicators = indicatorsFor(
      year2026,
      [
        outcome({ ticketId: 'a' }),
        outcome({ ticketId: 'b', withinDeadlines: true }),
        outcome({ ticketId: 'c', nature: 'functional', priority: 'P3', withinDeadlines: true }),
        outcome({ ticketId: 'd', resolvedAt: at('2025-12-31T23:30:00+01:00') }),
        outcome({ ticketId: 'e', resolvedAt: null, withinDeadlines: null }),
      ],
      now,
    );
    expect(indicators.byPriority.P2.malfunctions).toEqual({ within: 1, resolved: 2 });
    expect(indicators.byPriority.P3.functional).toEqual({ within: 1, resolved: 1 });
    expect(indicators.byPriority.P1.malfunctions).toEqual({ within: 0, resolved: 0 });
  });

  it('sums overrun days of production tickets in the year they were resolved, open ones in the year of now', () => {
    const indicators = indicatorsFor(
      year2026,
      [
        outcome({ ticketId: 'resolved' }),
        outcome({ ticketId: 'open', resolvedAt: null, overrunDays: 3, overrunMs: 2.5 * DAY_MS }),
        outcome({ ticketId: 'last year', resolvedAt: at('2025-06-01T10:00:00+02:00'), overrunDays: 40 }),
        outcome({ ticketId: 'test env', environment: 'test', overrunDays: 5 }),
      ],
      now,
    );
    expect(indicators.byPriority.P2.productionOverrunDays).toBe(10);
    const lastYear = indicatorsFor(civilYear(2025), [outcome({ resolvedAt: null, overrunDays: 3 })], now);
    expect(lastYear.byPriority.P2.productionOverrunDays).toBe(0);
  });

  it('counts production tickets whose overrun exceeds 30 days', () => {
    const indicators = indicatorsFor(
      year2026,
      [
        outcome({ ticketId: 'exactly 30', overrunMs: 30 * DAY_MS, overrunDays: 30 }),
        outcome({ ticketId: 'over', overrunMs: 30 * DAY_MS + 1, overrunDays: 31 }),
      ],
      now,
    );
    expect(indicators.byPriority.P2.productionOverThirtyDays).toBe(1);
  });

  it('lists each client that claimed penalties in the year once', () => {
    const claims = [at('2026-06-01T10:00:00+02:00')];
    const indicators = indicatorsFor(
      year2026,
      [
        outcome({ ticketId: 'a', penaltyClaimsAt: claims }),
        outcome({ ticketId: 'b', priority: 'P1', penaltyClaimsAt: claims }),
        outcome({ ticketId: 'c', clientId: 'GLOBEX', penaltyClaimsAt: [at('2025-06-01T10:00:00+02:00')] }),
      ],
      now,
    );
    expect(indicators.claimingClients).toEqual(['ACME']);
    expect(indicators.byPriority.P1.claimingClients).toBe(1);
  });

  it('leaves uncovered and withdrawn tickets out, reporting billable interventions beside', () => {
    const indicators = indicatorsFor(
      year2026,
      [
        outcome({ ticketId: 'out', coverage: 'out_of_contract' }),
        outcome({ ticketId: 'none', coverage: 'no_contract' }),
        outcome({ ticketId: 'onsite', coverage: 'not_applicable', nature: 'service' }),
        outcome({ ticketId: 'change', coverage: 'not_applicable', nature: 'evolution' }),
        outcome({ ticketId: 'cancelled', withdrawn: true }),
      ],
      now,
    );
    expect(indicators.byPriority.P2.malfunctions.resolved).toBe(0);
    expect(indicators.byPriority.P2.productionOverrunDays).toBe(0);
    expect(indicators.billableOutOfContract).toBe(3);
  });

  it('works on a month as well as a year', () => {
    const may = indicatorsFor(civilMonth(2026, 5), [outcome({})], now);
    const june = indicatorsFor(civilMonth(2026, 6), [outcome({})], now);
    expect(may.byPriority.P2.malfunctions.resolved).toBe(1);
    expect(june.byPriority.P2.malfunctions.resolved).toBe(0);
  });
});
