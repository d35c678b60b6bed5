import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../shared/time.ts';
import {
  emptyIndicatorTally,
  indicatorContribution,
  indicatorsOfTally,
  mergeIndicatorTally,
  tallyContribution,
} from './indicator-contribution.ts';
import { indicatorsFor } from './indicators.ts';
import { civilMonth, civilYear } from './periods.ts';
import type { TicketOutcome } from './ticket-outcome.ts';

const from = Date.parse('2025-11-01T00:00:00+01:00');
const until = Date.parse('2027-02-01T00:00:00+01:00');
const instant = fc.integer({ min: from, max: until });

/** Any outcome, including the odd ones: uncovered production tickets, withdrawn ones with claims, no client. */
const outcome: fc.Arbitrary<TicketOutcome> = fc
  .record({
    ticketId: fc.string({ minLength: 1, maxLength: 4 }),
    clientId: fc.option(fc.constantFrom('ACME', 'GLOBEX', 'INITECH'), { nil: null }),
    coverage: fc.constantFrom('covered', 'covered', 'covered', 'out_of_contract', 'no_contract', 'not_applicable'),
    nature: fc.constantFrom('malfunction', 'functional', 'evolution', 'service'),
    priority: fc.constantFrom('P1', 'P2', 'P3'),
    environment: fc.option(fc.constantFrom('production', 'test', 'development'), { nil: null }),
    receivedAt: instant,
    resolvedAt: fc.option(instant, { nil: null }),
    withdrawn: fc.boolean(),
    withinDeadlines: fc.option(fc.boolean(), { nil: null }),
    overrunMs: fc.oneof(fc.constant(0), fc.constant(30 * DAY_MS), fc.integer({ min: 0, max: 60 * DAY_MS })),
    penaltyClaimsAt: fc.array(instant, { maxLength: 3 }),
  })
  .map((each) => ({ ...each, overrunDays: Math.ceil(each.overrunMs / DAY_MS) }) as TicketOutcome);

const period = fc.oneof(
  fc.constantFrom(civilYear(2026), civilYear(2025), civilMonth(2026, 3), civilMonth(2026, 12)),
  fc.tuple(instant, instant).map(([a, b]) => ({ start: Math.min(a, b), end: Math.max(a, b) })),
);

describe('indicator contributions', () => {
  it('sum, on any outcomes, any period and any now, to the indicators the domain defines', () => {
    fc.assert(
      fc.property(fc.array(outcome, { maxLength: 30 }), period, instant, (outcomes, chosen, now) => {
        const tally = emptyIndicatorTally();
        for (const each of outcomes) tallyContribution(tally, indicatorContribution(each, now), chosen);
        expect(indicatorsOfTally(tally)).toEqual(indicatorsFor(chosen, outcomes, now));
      }),
      { numRuns: 500 },
    );
  });

  it('taken out again, leave the tally of the others; months merged make the year', () => {
    fc.assert(
      fc.property(fc.array(outcome, { maxLength: 20 }), outcome, instant, (others, removed, now) => {
        const year = civilYear(2026);
        const tally = emptyIndicatorTally();
        const months = Array.from({ length: 12 }, () => emptyIndicatorTally());
        for (const each of [...others, removed]) {
          const contribution = indicatorContribution(each, now);
          tallyContribution(tally, contribution, year);
          for (const [index, month] of months.entries())
            tallyContribution(month, contribution, civilMonth(2026, index + 1));
        }
        tallyContribution(tally, indicatorContribution(removed, now), year, -1);
        expect(indicatorsOfTally(tally)).toEqual(indicatorsFor(year, others, now));
        const merged = emptyIndicatorTally();
        for (const month of months) mergeIndicatorTally(merged, month);
        expect(indicatorsOfTally(merged)).toEqual(indicatorsFor(year, [...others, removed], now));
      }),
      { numRuns: 300 },
    );
  });
});
