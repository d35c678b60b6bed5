import { acmeMaintenanceTerms, type ContractTerms, contractEvent } from '@hotline/domain';
import type { EventStore } from '@hotline/eventstore';
import { streams } from '@hotline/platform';
import { appendTo } from '../sla-clock-harness.ts';

/** A contract of ACME's as sales signs it, in force from `effectiveFrom` (ACME-M of the worked examples by default). */
export function contractSigned(
  contractId = 'ACME-M',
  terms: ContractTerms = acmeMaintenanceTerms,
  effectiveFrom = '2026-01-01T00:00:00+01:00',
) {
  return contractEvent('ContractSigned', {
    contractId,
    clientId: 'ACME',
    reference: contractId,
    terms,
    effectiveFrom,
    at: effectiveFrom,
    by: 'sales',
  });
}

/** Records ACME-M's signature in `store`, as the tests' tickets are covered by it. */
export async function signAcmeContract(store: EventStore): Promise<void> {
  await appendTo(store, streams.contract('ACME-M'), contractSigned());
}
