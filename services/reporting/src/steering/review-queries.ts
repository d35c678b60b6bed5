import type { ClientContextKind, ReviewAction, ReviewPeriod } from '@hotline/domain';
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
  /** The days the review looks back on, when scheduled with them: its client report covers them. */
  readonly period: ReviewPeriod | null;
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
        period: review.period ?? null,
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

export type ActionState = 'open' | 'overdue' | 'done' | 'dropped';

export interface ActionRow extends ReviewAction {
  readonly clientId: string;
  readonly reviewId: string;
  /** The action's place in the review's minutes (from 0): the path that closes it names it so. */
  readonly action: number;
  readonly decidedAt: number;
  /** Done or dropped once closed; until then open, and overdue after its due day. */
  readonly state: ActionState;
  /** When it was closed, and the note (why it was dropped); null while open. */
  readonly closedAt: number | null;
  readonly note: string | null;
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
      for (const [index, { closed, ...action }] of (review.actions ?? []).entries())
        rows.push({
          ...action,
          clientId: client.clientId,
          reviewId: review.reviewId,
          action: index,
          decidedAt,
          state:
            closed !== undefined
              ? closed.outcome
              : action.dueOn !== undefined && action.dueOn < today
                ? 'overdue'
                : 'open',
          closedAt: closed === undefined ? null : Date.parse(closed.at),
          note: closed?.note ?? null,
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
