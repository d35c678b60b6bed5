import type { ProductEvent } from '@hotline/domain';

/** A product of the catalogue and the agents trained on it (skill transfer). */
export interface ProductRecord {
  readonly kind: 'product';
  readonly product: string;
  readonly name: string;
  readonly launchedAt: string | null;
  readonly versions: readonly string[];
  readonly trainedAgents: readonly string[];
  /** When each version came out (absent on records folded before the steering views: a rebuild fills it). */
  readonly releases?: readonly { readonly version: string; readonly at: string }[];
  /** End of support of the product (`version` null) or of versions, from `effectiveOn`. */
  readonly endsOfSupport?: readonly { readonly version: string | null; readonly effectiveOn: string }[];
}

export function foldProductRecord(record: ProductRecord | undefined, event: ProductEvent): ProductRecord {
  const current: ProductRecord = record ?? {
    kind: 'product',
    product: event.product,
    name: event.product,
    launchedAt: null,
    versions: [],
    trainedAgents: [],
  };
  switch (event.type) {
    case 'ProductLaunched':
      return { ...current, name: event.name, launchedAt: event.at };
    case 'ProductVersionReleased':
      return {
        ...current,
        versions: [...current.versions, event.version],
        releases: [...(current.releases ?? []), { version: event.version, at: event.at }],
      };
    case 'ProductEndOfSupport':
      return {
        ...current,
        endsOfSupport: [
          ...(current.endsOfSupport ?? []),
          { version: event.version ?? null, effectiveOn: event.effectiveOn },
        ],
      };
    case 'TrainingCompleted':
      return current.trainedAgents.includes(event.agentId)
        ? current
        : { ...current, trainedAgents: [...current.trainedAgents, event.agentId] };
  }
}
