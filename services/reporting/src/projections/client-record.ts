import type {
  ClientContextKind,
  ClientEvent,
  ReviewAction,
  ReviewActionOutcome,
  ReviewPeriod,
  ReviewRequester,
} from '@hotline/domain';

/** How and when an action decided in a review was closed (ReviewActionCompleted). */
export interface ActionClosure {
  readonly outcome: ReviewActionOutcome;
  readonly at: string;
  readonly note: string | null;
}

/** An action of the minutes; `closed` once completed (absent while open, and on records built before). */
export type ReviewActionRecord = ReviewAction & { readonly closed?: ActionClosure };

export interface ReviewRecord {
  readonly reviewId: string;
  readonly scheduledFor: string;
  readonly heldAt: string | null;
  /** Absent on reviews recorded before the steering fields (a rebuild fills them). */
  readonly requestedBy?: ReviewRequester;
  readonly context?: ClientContextKind | null;
  readonly period?: ReviewPeriod | null;
  readonly notes?: string | null;
  readonly actions?: readonly ReviewActionRecord[];
}

/** What the client report and the steering views show beside the tickets: contexts (migration…) and reviews. */
export interface ClientRecord {
  readonly kind: 'client';
  readonly clientId: string;
  readonly contexts: readonly { kind: ClientContextKind; reason: string; from: string; to: string | null }[];
  readonly reviews: readonly ReviewRecord[];
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
        reviews: [
          ...current.reviews,
          {
            reviewId: event.reviewId,
            scheduledFor: event.scheduledFor,
            heldAt: null,
            requestedBy: event.requestedBy ?? 'client',
            context: event.context ?? null,
            period: event.period ?? null,
            notes: null,
            actions: [],
          },
        ],
      };
    case 'ClientReviewHeld':
      return {
        ...current,
        reviews: current.reviews.map((review) =>
          review.reviewId === event.reviewId
            ? { ...review, heldAt: event.at, notes: event.notes, actions: event.actions }
            : review,
        ),
      };
    case 'ReviewActionCompleted': {
      const closed: ActionClosure = { outcome: event.outcome, at: event.at, note: event.note ?? null };
      return {
        ...current,
        reviews: current.reviews.map((review) =>
          review.reviewId === event.reviewId
            ? {
                ...review,
                actions: (review.actions ?? []).map((action, index) =>
                  index === event.action ? { ...action, closed } : action,
                ),
              }
            : review,
        ),
      };
    }
  }
}
