import {
  type IndicatorContribution,
  indicatorContribution,
  nextOverrunDayAt,
  type Priority,
  type SlaTargetName,
} from '@hotline/domain';
import { NONE, SharedValues } from '@hotline/platform';
import { type OverrunRow, overrunOf } from './overrun-queries.ts';
import { type Accrual, accrualKey, accrualOf } from './penalty-queries.ts';
import type { TicketEntry } from './reporting-view.ts';
import { type Judgement, judgementStableUntil, judgementValidUntil } from './ticket-judgement.ts';
import { type SlaStanding, slaStanding } from './ticket-queries.ts';

/**
 * What an open ticket adds to the aggregate views, read from its judgement at `readAt` and good
 * until `validUntil`: its indicator part counted at now, its overrun row and its penalty accrual.
 * Up to then only two things move, and the views set them from the query's `now`: an overrunning
 * row's `overrunMs` (`now − resolution due`, as `evaluateSla` counts it) and an accrual's instant
 * (now). Everything else (overrun days, the penalty, statuses, the SLA standing, the contract year)
 * reads the same.
 */
export interface OpenReading {
  readonly entry: TicketEntry;
  readonly validUntil: number;
  /** Indicators 3 and 4: the part of its contribution counted in the period that holds now; null when it counts in none. */
  readonly atNow: IndicatorContribution | null;
  readonly overrun: OverrunRow | null;
  readonly accrual: { readonly key: string; readonly accrual: Accrual } | null;
  /** Where it stands against its deadlines (the ticket list's SLA filter). */
  readonly standing: SlaStanding;
  /** Its targets breached and not reached (the past-due list); most often none. */
  readonly missed: readonly MissedTarget[];
}

/** A target whose due instant passed without its milestone: which, at what priority, due when. */
export interface MissedTarget {
  readonly target: SlaTargetName;
  readonly priority: Priority;
  readonly dueAt: number;
}

/** The targets a judgement finds breached and not reached, in the order it lists them. */
export function missedTargetsOf(judgement: Judgement): readonly MissedTarget[] {
  const missed: MissedTarget[] = [];
  for (const { status, reachedAt, dueAt, target, priority } of judgement.sla.evaluation.targets) {
    if (status !== 'breached' || reachedAt !== null || dueAt === null) continue;
    missed.push({ target, priority, dueAt });
  }
  return missed.length === 0 ? NONE : missed;
}

export function openReading(entry: TicketEntry, judgement: Judgement, readAt: number): OpenReading {
  const contribution = indicatorContribution(judgement.outcome, readAt);
  const atNow =
    contribution.countedAt !== null && judgement.outcome.resolvedAt === null
      ? { ...contribution, claimsAt: NONE, billableAt: null }
      : null;
  const accrued = accrualOf(entry, judgement, readAt);
  const accrual = accrued === null ? null : { key: accrualKey(accrued), accrual: accrued };
  // Not the judgement itself (about 1 KB): what the aggregate views read of it, so that a backlog of
  // open tickets does not keep every one's (the view keeps the latest judged, `ReportingView.judge`).
  return {
    entry,
    validUntil: readingValidUntil(judgement, readAt, accrued),
    atNow,
    overrun: overrunOf(entry, judgement),
    accrual,
    standing: slaStanding(judgement, readAt),
    missed: missedTargetsOf(judgement),
  };
}

/**
 * The contribution of an open ticket that does not move with the clock: its claims and its
 * reception (billable), summed into the month tallies like a settled ticket's.
 */
export function datedPart(judgement: Judgement, readAt: number): IndicatorContribution {
  const contribution = indicatorContribution(judgement.outcome, readAt);
  if (judgement.outcome.resolvedAt !== null) return contribution;
  const part = { ...contribution, countedAt: null };
  return part.claimsAt.length === 0 && part.billableAt === null ? sharedDateless(part) : part;
}

/** Distinct dateless parts kept (priorities × clients × overrun days, a few hundred in practice). */
const datelessParts = new SharedValues<IndicatorContribution>(10_000);
// Every field but the three a dateless part has empty (a Record: a field added to contributions must be named here).
const keyed: Record<Exclude<keyof IndicatorContribution, 'countedAt' | 'claimsAt' | 'billableAt'>, true> = {
  priority: true,
  clientId: true,
  malfunctionResolved: true,
  malfunctionWithin: true,
  functionalResolved: true,
  functionalWithin: true,
  productionOverrunDays: true,
  productionOverThirtyDays: true,
};
const KEYED_FIELDS = Object.keys(keyed) as (keyof typeof keyed)[];

/**
 * One frozen copy of a part dated nowhere (no claim, not billable, not counted yet): what most open
 * tickets keep until they are resolved, the same for every ticket of a priority and a client.
 */
function sharedDateless(part: IndicatorContribution): IndicatorContribution {
  const key = KEYED_FIELDS.map((field) => part[field] ?? '').join('\u0000');
  return datelessParts.share(key, () => Object.freeze(part));
}

/**
 * Until when an open ticket's reading stands. Not overrunning: up to the next due instant of a
 * target not reached yet (`judgementValidUntil`, `judgementStableUntil`). Overrunning: while it is stable (`judgementStableUntil`)
 * and its overrun days stand (`nextOverrunDayAt`; the 30-day mark of indicator 4 is one of those
 * instants). An accrual also lapses when the contract
 * year of now ends; the SLA standing, when a warning threshold is crossed.
 */
export function readingValidUntil(judgement: Judgement, readAt: number, accrual: Accrual | null): number {
  const resolution = judgement.sla.evaluation.targets.find((target) => target.target === 'resolution');
  const overrunning = resolution !== undefined && resolution.reachedAt === null && resolution.dueAt !== null;
  const stable = judgementStableUntil(judgement, readAt);
  let until =
    overrunning && resolution.dueAt! <= readAt
      ? Math.min(stable, nextOverrunDayAt(resolution.dueAt!, judgement.outcome.overrunDays))
      : Math.min(stable, judgementValidUntil(judgement, readAt));
  if (accrual !== null) until = Math.min(until, accrual.year.end);
  // The SLA standing turns to at risk when a warning threshold is crossed.
  for (const target of judgement.sla.evaluation.targets) {
    if (target.reachedAt !== null || target.status === 'void') continue;
    for (const crossing of target.crossings) {
      if (crossing.threshold < 1 && crossing.at !== null && crossing.at > readAt) until = Math.min(until, crossing.at);
    }
  }
  // A target due at the very instant is breached a millisecond later: the reading stands for `readAt` alone.
  return Math.max(until, readAt + 1);
}

/** An open ticket's overrun row at `now`, within its reading's span: only the overrun itself ran on. */
export const overrunRowAt = (row: OverrunRow, now: number): OverrunRow =>
  row.resolutionDueAt === null ? row : { ...row, overrunMs: now - row.resolutionDueAt };
