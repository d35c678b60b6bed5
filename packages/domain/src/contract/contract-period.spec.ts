import { describe, expect, it } from 'vitest';
import { acmeMaintenanceTerms } from '../scenarios/acme-contract.ts';
import { contractYearOf } from './contract-period.ts';
import { termsInForce } from './contract-state.ts';
import { signedContract } from './signed-contract.ts';

const at = (iso: string) => Date.parse(iso);

describe('contract years and terms in force', () => {
  it('runs contract years from the maintenance start anniversary at midnight in the contract zone', () => {
    const terms = { ...acmeMaintenanceTerms, maintenanceStartsOn: '2025-07-15' };
    expect(contractYearOf(terms, at('2026-07-14T21:59:59.999Z'))).toMatchObject({ index: 0, startsOn: '2025-07-15' });
    expect(contractYearOf(terms, at('2026-07-14T22:00:00Z'))).toMatchObject({
      index: 1,
      startsOn: '2026-07-15',
      endsBefore: '2027-07-15',
    });
    expect(contractYearOf(terms, at('2025-07-14T12:00:00Z')).index).toBe(-1);
  });

  it('keeps the anniversary of a 29 February start on 28 February in common years', () => {
    const terms = { ...acmeMaintenanceTerms, maintenanceStartsOn: '2024-02-29' };
    expect(contractYearOf(terms, at('2025-03-01T12:00:00Z'))).toMatchObject({ index: 1, startsOn: '2025-02-28' });
  });

  it('judges a ticket by the terms in force at reception, an amendment applying from its effective instant', () => {
    const amended = signedContract('ACME-M', 'ACME', acmeMaintenanceTerms, undefined, [
      {
        type: 'ContractAmended',
        schemaVersion: 1,
        contractId: 'ACME-M',
        amendmentId: 'A1',
        terms: { ...acmeMaintenanceTerms, annualFeeCents: 3_000_000 },
        effectiveFrom: '2026-07-01T00:00:00+02:00',
        reason: 'fee revised',
        at: '2026-06-15T10:00:00+02:00',
        by: 'sales',
      },
    ]);
    expect(termsInForce(amended, at('2026-06-30T23:59:59+02:00'))?.terms.annualFeeCents).toBe(2_400_000);
    expect(termsInForce(amended, at('2026-07-01T00:00:00+02:00'))).toMatchObject({ amendmentId: 'A1' });
    expect(termsInForce(amended, at('2025-12-31T23:00:00+01:00'))).toBeUndefined();
  });
});
