import {
  type ContractTerms,
  ContractTerms as ContractTermsSchema,
  type SlaTarget,
} from '../contract/contract-terms.ts';

const hours = (count: number) => count * 60;

function targets(
  nature: SlaTarget['nature'],
  rows: [SlaTarget['priority'], SlaTarget['target'], number, SlaTarget['basis']][],
) {
  return rows.map(([priority, target, durationMinutes, basis]) => ({
    nature,
    priority,
    target,
    durationMinutes,
    basis,
  }));
}

/** Contract ACME-M of DOMAIN.md's worked examples: maintenance on ERP, 24,000.00 EUR a year, standard calendar. */
export const acmeMaintenanceTerms: ContractTerms = ContractTermsSchema.parse({
  kinds: ['maintenance'],
  products: ['ERP'],
  maintenanceStartsOn: '2026-01-01',
  endsOn: null,
  annualFeeCents: 2_400_000,
  currency: 'EUR',
  slaTargets: targets('malfunction', [
    ['P1', 'takeCharge', 60, 'calendar'],
    ['P1', 'workaround', hours(4), 'business'],
    ['P1', 'resolution', hours(16), 'business'],
    ['P2', 'takeCharge', hours(4), 'business'],
    ['P2', 'workaround', hours(16), 'business'],
    ['P2', 'resolution', hours(40), 'business'],
    ['P3', 'takeCharge', hours(8), 'business'],
    ['P3', 'resolution', hours(120), 'business'],
  ]),
  penaltyClause: {
    rates: [
      { kind: 'percentOfFee', priority: 'P1', percentPerDay: 0.5 },
      { kind: 'percentOfFee', priority: 'P2', percentPerDay: 0.2 },
    ],
    perTicketCapPercent: 5,
    perYearCapPercent: 10,
    natures: ['malfunction'],
  },
});

/** The helpline contract of worked example 3: P3 functional requests, take-charge 8 h, resolution 24 h. */
export const acmeHelplineTerms: ContractTerms = ContractTermsSchema.parse({
  kinds: ['helpline'],
  products: ['ERP'],
  maintenanceStartsOn: '2026-01-01',
  annualFeeCents: 600_000,
  slaTargets: targets('functional', [
    ['P3', 'takeCharge', hours(8), 'business'],
    ['P3', 'resolution', hours(24), 'business'],
  ]),
});
