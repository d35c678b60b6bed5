import type { CoverageVerdict } from '../src/contract/coverage-verdict.ts';
import type { Instant } from '../src/shared/time.ts';

export const T = 'T-1';
export const agent = 'agent-ada';
export const otherAgent = 'agent-bob';
export const manager = 'manager-max';
export const contact = 'contact-cleo';

/** Local Paris time written as in DOMAIN.md's examples; the offset is fixed, as the ticket rules only compare instants. */
export function at(local: string): Instant {
  return `${local}:00+02:00`;
}

/** DOMAIN.md's worked example 1 (P2 malfunction on production at ACME), step by step. */
export const times = {
  received: at('2026-05-07T16:00'),
  informationProvided: at('2026-05-08T09:00'),
  requalified: at('2026-05-11T09:30'),
  takenCharge: at('2026-05-11T10:15'),
  assigned: at('2026-05-11T10:20'),
  workStarted: at('2026-05-11T10:30'),
  customerInputRequested: at('2026-05-12T10:00'),
  customerReplied: at('2026-05-13T14:00'),
  workaroundProvided: at('2026-05-15T11:30'),
  resolved: at('2026-05-26T15:00'),
  closed: at('2026-05-27T09:00'),
  reopened: at('2026-05-28T09:00'),
  ended: at('2026-05-08T10:00'),
  followUp: at('2026-05-29T09:00'),
} as const;

export const covered: CoverageVerdict = { status: 'covered', contractId: 'ACME-M' };
export const noContract: CoverageVerdict = { status: 'no_contract', contractId: null };

export const p2Malfunction = {
  clientId: 'ACME',
  product: 'ERP',
  version: '12.4',
  environment: 'production',
  description: 'Invoices fail to post',
  reproductionSteps: 'Post any invoice dated in May',
  nature: 'malfunction',
  priority: 'P2',
} as const;

export const p3Functional = {
  clientId: 'ACME',
  product: 'ERP',
  environment: 'production',
  description: 'How do I export the ledger?',
  nature: 'functional',
  priority: 'P3',
} as const;
