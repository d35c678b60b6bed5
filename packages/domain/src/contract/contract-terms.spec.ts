import { describe, expect, it } from 'vitest';
import { acmeMaintenanceTerms } from '../scenarios/acme-contract.ts';
import { ContractTerms } from './contract-terms.ts';

function issuesOf(input: unknown) {
  const parsed = ContractTerms.safeParse(input);
  if (parsed.success) throw new Error('expected a refusal');
  return parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

describe('contract terms schema', () => {
  it('fills the defaults: EUR, the standard calendar, 75% and 90% warnings, a 10-day reopen window', () => {
    const terms = ContractTerms.parse({
      kinds: ['maintenance'],
      products: ['ERP'],
      maintenanceStartsOn: '2026-01-01',
      annualFeeCents: 100,
      slaTargets: [],
    });
    expect(terms).toMatchObject({ currency: 'EUR', warningThresholds: [0.75, 0.9], reopenWindowDays: 10 });
    expect(terms.calendar.timeZone).toBe('Europe/Paris');
  });

  it('names the field and the reason of each refusal', () => {
    expect(issuesOf({ ...acmeMaintenanceTerms, annualFeeCents: 12.5 })).toContainEqual(
      expect.objectContaining({ path: 'annualFeeCents' }),
    );
    expect(issuesOf({ ...acmeMaintenanceTerms, kinds: [] })).toContainEqual(expect.objectContaining({ path: 'kinds' }));
    expect(issuesOf({ ...acmeMaintenanceTerms, maintenanceStartsOn: '2026-13-01' })).toContainEqual(
      expect.objectContaining({ path: 'maintenanceStartsOn' }),
    );
    expect(
      issuesOf({
        ...acmeMaintenanceTerms,
        slaTargets: [
          { nature: 'malfunction', priority: 'P4', target: 'takeCharge', durationMinutes: 60, basis: 'calendar' },
        ],
      }),
    ).toContainEqual(expect.objectContaining({ path: 'slaTargets.0.priority' }));
    expect(issuesOf({ ...acmeMaintenanceTerms, currency: 'euro' })).toContainEqual({
      path: 'currency',
      message: 'an ISO 4217 code',
    });
  });

  it('refuses a target defined twice, a penalty rate with more than four decimals, an end before the start', () => {
    const twice = [acmeMaintenanceTerms.slaTargets[0], acmeMaintenanceTerms.slaTargets[0]];
    expect(issuesOf({ ...acmeMaintenanceTerms, slaTargets: twice })).toContainEqual({
      path: 'slaTargets.1',
      message: 'duplicate target malfunction/P1/takeCharge',
    });
    const clause = acmeMaintenanceTerms.penaltyClause!;
    expect(
      issuesOf({ ...acmeMaintenanceTerms, penaltyClause: { ...clause, perTicketCapPercent: 5.00001 } }),
    ).toContainEqual(expect.objectContaining({ path: 'penaltyClause.perTicketCapPercent' }));
    expect(issuesOf({ ...acmeMaintenanceTerms, endsOn: '2025-12-31' })).toContainEqual({
      path: 'endsOn',
      message: 'ends before maintenance starts',
    });
  });
});
