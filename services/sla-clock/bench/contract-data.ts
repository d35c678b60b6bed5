import { acmeMaintenanceTerms } from '@hotline/domain';

/** The data of ACME-M's signing, as stored: the contract every benchmark ticket is judged by. */
export const contractData = {
  contractId: 'ACME-M',
  clientId: 'ACME',
  reference: 'ACME-M',
  terms: acmeMaintenanceTerms,
  effectiveFrom: '2026-01-01T00:00:00+01:00',
  at: '2026-01-01T00:00:00+01:00',
  by: 'sales',
};
