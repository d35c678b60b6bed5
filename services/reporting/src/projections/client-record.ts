import type { ClientContextKind, ClientEvent } from '@hotline/domain';

/** What the client report shows beside the tickets: contexts (migration…) and review meetings. */
export interface ClientRecord {
  readonly kind: 'client';
  readonly clientId: string;
  readonly contexts: readonly { kind: ClientContextKind; reason: string; from: string; to: string | null }[];
  readonly reviews: readonly { reviewId: string; scheduledFor: string; heldAt: string | null }[];
}

export function foldClientRecord(record: ClientRecord | undefined, event: ClientEvent): ClientRecord {
  const current: ClientRecord = record ?? { kind: 'client', clientId: event.clientId, contexts: [], reviews: [] };
  switch (event.type) {
    case 'ClientContextFlagged':
      return {
        ...current,
        contexts: [
          ...current.contexts.filter((context) => context.kind !== event.kind),
          { kind: event.kind, reason: event.reason, from: event.from, to: event.to ?? null },
        ],
      };
    case 'ClientContextCleared':
      return { ...current, contexts: current.contexts.filter((context) => context.kind !== event.kind) };
    case 'ClientReviewScheduled':
      return {
        ...current,
        reviews: [...current.reviews, { reviewId: event.reviewId, scheduledFor: event.scheduledFor, heldAt: null }],
      };
    case 'ClientReviewHeld':
      return {
        ...current,
        reviews: current.reviews.map((review) =>
          review.reviewId === event.reviewId ? { ...review, heldAt: event.at } : review,
        ),
      };
  }
}
