import type { Nature } from '../ticket/ticket-classification.ts';
import { periodAt } from './contract-period.ts';
import type { SignedContract } from './contract-state.ts';
import type { ContractKind } from './contract-terms.ts';
import type { CoverageVerdict } from './coverage-verdict.ts';

export interface CoverageQuestion {
  readonly clientId: string;
  readonly product: string;
  readonly nature: Nature;
  /** The reception instant: a ticket is judged by what was in force then, for its whole life. */
  readonly receivedAt: number;
}

const kindFor = { malfunction: 'maintenance', functional: 'helpline' } as const satisfies Record<string, ContractKind>;

/**
 * DOMAIN.md, "Contracts and coverage". When several contracts qualify, the one that took effect first wins
 * (then the smallest id), so the verdict never depends on the order contracts are listed in.
 */
export function coverageOf(question: CoverageQuestion, contracts: readonly SignedContract[]): CoverageVerdict {
  if (question.nature === 'evolution' || question.nature === 'service') {
    return { status: 'not_applicable', contractId: null, reason: `nature.${question.nature}` };
  }
  const own = contracts
    .filter((contract) => contract.clientId === question.clientId)
    .sort(
      (a, b) => a.versions[0]!.effectiveFrom - b.versions[0]!.effectiveFrom || a.contractId.localeCompare(b.contractId),
    );
  if (own.length === 0) return { status: 'no_contract', contractId: null, reason: 'client.no_contract' };

  const kind = kindFor[question.nature];
  let closest: { contractId: string; reason: string } | undefined;
  for (const contract of own) {
    const period = periodAt(contract, question.receivedAt);
    if (!period.inForce) {
      closest ??= { contractId: contract.contractId, reason: `contract.${period.reason}` };
      continue;
    }
    const { terms } = period.version;
    if (!terms.kinds.includes(kind)) {
      closest ??= { contractId: contract.contractId, reason: `contract.kind_not_${kind}` };
      continue;
    }
    if (!terms.products.includes(question.product)) {
      closest ??= { contractId: contract.contractId, reason: 'contract.product_not_covered' };
      continue;
    }
    return { status: 'covered', contractId: contract.contractId };
  }
  return {
    status: 'out_of_contract',
    contractId: closest?.contractId ?? null,
    reason: closest?.reason ?? 'contract.none',
  };
}
