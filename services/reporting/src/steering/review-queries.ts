import type { ClientContextKind, ReviewAction } from '@hotline/domain';
import type { ReviewRecord } from '../projections/client-record.ts';
import type { ReportingView } from '../queries/reporting-view.ts';

/** The Paris civil day of an instant, `YYYY-MM-DD`: contexts and actions are dated in days. */
const parisDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' });
export const dayOf = (at: number) => parisDay.format(new Date(at));

export type ReviewState = 'scheduled' | 'held' | 'minutes_missing';

export interface ReviewRow {
  readonly clientId: string;
  readonly reviewId: string;
  readonly requestedBy: string;
  readonly context: ClientContextKind | null;
  readonly scheduledForAt: number;
  readonly heldAt: number | null;
  /** Held (minutes recorded); scheduled (date to come); its date passed without minutes. */
  readonly state: ReviewState;
  readonly actions: number;
}

const stateOf = (review: ReviewRecord, now: number): ReviewState =>
  review.heldAt !== null ? 'held' : Date.parse(review.scheduledFor) < now ? 'minutes_missing' : 'scheduled';

/** Every client's reviews, by date (of one client, or scheduled within [from, to) when given). */
export function clientReviews(
  view: ReportingView,
  now: number,
  filter: { clientId?: string | undefined; from?: number; to?: number } = {},
): ReviewRow[] {
  const rows: ReviewRow[] = [];
  for (const client of view.clients.values()) {
    if (filter.clientId !== undefined && client.clientId !== filter.clientId) continue;
    for (const review of client.reviews) {
      const at = Date.parse(review.scheduledFor);
      if ((filter.from !== undefined && at < filter.from) || (filter.to !== undefined && at >= filter.to)) continue;
      rows.push({
        clientId: client.clientId,
        reviewId: review.reviewId,
        requestedBy: review.requestedBy ?? 'client',
        context: review.context ?? null,
        scheduledForAt: at,
        heldAt: review.heldAt === null ? null : Date.parse(review.heldAt),
        state: stateOf(review, now),
        actions: review.actions?.length ?? 0,
      });
    }
  }
  return rows.sort((a, b) => a.scheduledForAt - b.scheduledForAt || a.clientId.localeCompare(b.clientId));
}

export type ReviewDueReason = 'context_without_review' | 'requested_not_held' | 'minutes_missing';

export interface ReviewDueRow {
  readonly clientId: string;
  readonly reason: ReviewDueReason;
  readonly context: ClientContextKind | null;
  readonly contextReason: string | null;
  readonly reviewId: string | null;
  readonly scheduledForAt: number | null;
}

/**
 * The clients due a review at `now`, one row per reason: a context in force (begun, not ended) with no
 * review scheduled for it since it began; a review the client asked for, still to be held; a review
 * whose date passed without minutes.
 */
export function reviewsDue(
  view: ReportingView,
  now: number,
  filter: { clientId?: string | undefined } = {},
): ReviewDueRow[] {
  const today = dayOf(now);
  const rows: ReviewDueRow[] = [];
  for (const client of view.clients.values()) {
    if (filter.clientId !== undefined && client.clientId !== filter.clientId) continue;
    for (const context of client.contexts) {
      if (context.from > today || (context.to !== null && context.to < today)) continue;
      const reviewed = client.reviews.some(
        (review) => review.context === context.kind && review.scheduledFor.slice(0, 10) >= context.from,
      );
      if (!reviewed)
        rows.push({
          clientId: client.clientId,
          reason: 'context_without_review',
          context: context.kind,
          contextReason: context.reason,
          reviewId: null,
          scheduledForAt: null,
        });
    }
    for (const review of client.reviews) {
      const state = stateOf(review, now);
      const due: ReviewDueReason | null =
        state === 'minutes_missing'
          ? 'minutes_missing'
          : state === 'scheduled' && (review.requestedBy ?? 'client') === 'client'
            ? 'requested_not_held'
            : null;
      if (due !== null)
        rows.push({
          clientId: client.clientId,
          reason: due,
          context: review.context ?? null,
          contextReason: null,
          reviewId: review.reviewId,
          scheduledForAt: Date.parse(review.scheduledFor),
        });
    }
  }
  return rows.sort((a, b) => a.clientId.localeCompare(b.clientId) || a.reason.localeCompare(b.reason));
}

export interface ActionRow extends ReviewAction {
  readonly clientId: string;
  readonly reviewId: string;
  readonly decidedAt: number;
  /** No event closes an action yet: it is open until its due day, overdue after it. */
  readonly state: 'open' | 'overdue';
}

/** The actions decided in reviews (held within [from, to) when given), by due day. */
export function reviewActions(
  view: ReportingView,
  now: number,
  filter: { clientId?: string | undefined; from?: number; to?: number } = {},
): ActionRow[] {
  const today = dayOf(now);
  const rows: ActionRow[] = [];
  for (const client of view.clients.values()) {
    if (filter.clientId !== undefined && client.clientId !== filter.clientId) continue;
    for (const review of client.reviews) {
      if (review.heldAt === null) continue;
      const decidedAt = Date.parse(review.heldAt);
      if ((filter.from !== undefined && decidedAt < filter.from) || (filter.to !== undefined && decidedAt >= filter.to))
        continue;
      for (const action of review.actions ?? [])
        rows.push({
          ...action,
          clientId: client.clientId,
          reviewId: review.reviewId,
          decidedAt,
          state: action.dueOn !== undefined && action.dueOn < today ? 'overdue' : 'open',
        });
    }
  }
  return rows.sort(
    (a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.clientId.localeCompare(b.clientId),
  );
}

export interface ContextRow {
  readonly clientId: string;
  readonly context: ClientContextKind;
  readonly reason: string;
  readonly from: string;
  readonly to: string | null;
  readonly inForce: boolean;
}

/** The contexts flagged and not cleared, in force today or to come. */
export function clientContexts(view: ReportingView, now: number): ContextRow[] {
  const today = dayOf(now);
  const rows: ContextRow[] = [];
  for (const client of view.clients.values())
    for (const context of client.contexts)
      rows.push({
        clientId: client.clientId,
        context: context.kind,
        reason: context.reason,
        from: context.from,
        to: context.to,
        inForce: context.from <= today && (context.to === null || context.to >= today),
      });
  return rows.sort((a, b) => a.clientId.localeCompare(b.clientId) || a.from.localeCompare(b.from));
}
