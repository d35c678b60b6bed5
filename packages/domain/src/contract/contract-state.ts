import { toEpochMs } from '../shared/time.ts';
import type { ContractEvent } from './contract-events.ts';
import type { ContractTerms } from './contract-terms.ts';

/** One version of the terms, in force from `effectiveFrom` (epoch ms) until the next version. */
export interface TermsVersion {
  readonly effectiveFrom: number;
  readonly amendmentId: string | null;
  readonly terms: ContractTerms;
}

export interface SignedContract {
  readonly status: 'signed' | 'terminated';
  readonly contractId: string;
  readonly clientId: string;
  readonly reference: string;
  /** Ordered by `effectiveFrom`; the first is the signed version. */
  readonly versions: readonly TermsVersion[];
  readonly endsOn: string | null;
  readonly terminatedOn: string | null;
}

export type ContractState = { readonly status: 'none' } | SignedContract;

export const initialContractState: ContractState = { status: 'none' };

export function evolveContract(state: ContractState, event: ContractEvent): ContractState {
  if (event.type === 'ContractSigned') {
    return {
      status: 'signed',
      contractId: event.contractId,
      clientId: event.clientId,
      reference: event.reference,
      versions: [{ effectiveFrom: toEpochMs(event.effectiveFrom), amendmentId: null, terms: event.terms }],
      endsOn: event.terms.endsOn,
      terminatedOn: null,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'ContractAmended':
      return {
        ...state,
        versions: [
          ...state.versions,
          { effectiveFrom: toEpochMs(event.effectiveFrom), amendmentId: event.amendmentId, terms: event.terms },
        ],
        endsOn: event.terms.endsOn,
      };
    case 'MaintenanceStarted':
      // The actual start date is a fact about the whole contract, not a dated change of terms.
      return {
        ...state,
        versions: state.versions.map((version) => ({
          ...version,
          terms: { ...version.terms, maintenanceStartsOn: event.on },
        })),
      };
    case 'ContractRenewed':
      return { ...state, endsOn: event.endsOn };
    case 'ContractTerminated':
      return { ...state, status: 'terminated', terminatedOn: event.on };
  }
}

/** The terms a ticket received at `at` is judged by, for its whole life; undefined before the contract took effect. */
export function termsInForce(contract: SignedContract, at: number): TermsVersion | undefined {
  let inForce: TermsVersion | undefined;
  for (const version of contract.versions) {
    if (version.effectiveFrom <= at) inForce = version;
  }
  return inForce;
}
