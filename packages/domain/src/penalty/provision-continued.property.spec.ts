import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acmeMaintenanceTerms } from '../scenarios/acme-contract.ts';
import { yearProvision } from './provision.ts';
import { continuedProvision } from './provision-continued.ts';

const clause = acmeMaintenanceTerms.penaltyClause!;
const fee = acmeMaintenanceTerms.annualFeeCents;
const penalty = fc.record({
  ticketId: fc.string({ minLength: 1, maxLength: 3 }),
  accruedAt: fc.integer({ min: 0, max: 20 }),
  amountCents: fc.integer({ min: 0, max: 150_000 }),
});

describe('a provision continued with later penalties', () => {
  it('is the provision of them all, whatever the cap leaves', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(penalty, { selector: (each) => each.ticketId, maxLength: 25 }),
        fc.integer({ min: 0, max: 21 }),
        (penalties, split) => {
          const earlier = penalties.filter((each) => each.accruedAt < split);
          // Open tickets accrue at one instant, after every resolved one.
          const later = penalties
            .filter((each) => each.accruedAt >= split)
            .map((each) => ({ ...each, accruedAt: split }));
          const served = yearProvision(clause, fee, earlier);
          expect(continuedProvision(served, later)).toEqual(yearProvision(clause, fee, [...earlier, ...later]));
        },
      ),
      { numRuns: 500 },
    );
  });
});
