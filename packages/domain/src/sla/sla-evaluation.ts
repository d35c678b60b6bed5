import type { Interval } from '../calendar/index.ts';
import type { ContractTerms, SlaTargetName, TimeBasis } from '../contract/contract-terms.ts';
import { findTarget, NatureWithDeadline } from '../contract/contract-terms.ts';
import { DAY_MS, MINUTE_MS } from '../shared/time.ts';
import type { Nature, Priority } from '../ticket/ticket-classification.ts';
import { calendarFor } from './calendar-for-terms.ts';
import { type ClockTimeline, qualificationAt } from './clock-facts.ts';

export type TargetStatus = 'running' | 'paused' | 'met' | 'breached' | 'void';

export interface ThresholdCrossing {
  /** Share of the duration: a warning threshold, or 1 for the breach. */
  readonly threshold: number;
  /** When the counted time reaches that share, as far as the known pauses tell; null if it never will. */
  readonly at: number | null;
}

export interface TargetClock {
  readonly target: SlaTargetName;
  readonly nature: Nature;
  readonly priority: Priority;
  readonly basis: TimeBasis;
  readonly durationMs: number;
  readonly countedMs: number;
  readonly remainingMs: number;
  /** Null while the clock is paused before reaching the duration: the due instant moves with the pause. */
  readonly dueAt: number | null;
  readonly reachedAt: number | null;
  readonly status: TargetStatus;
  /** Counted time over duration (1 = due). */
  readonly consumed: number;
  /** Warning thresholds then the breach; crossings after the milestone was reached are dropped. */
  readonly crossings: readonly ThresholdCrossing[];
}

export interface SlaEvaluation {
  readonly targets: readonly TargetClock[];
  readonly paused: boolean;
  readonly resolvedAt: number | null;
  readonly overrunMs: number;
  readonly overrunDays: number;
  /** Null until the ticket is resolved, and for a ticket without contract terms. */
  readonly withinDeadlines: boolean | null;
}

const TARGETS: readonly SlaTargetName[] = ['takeCharge', 'workaround', 'resolution'];

/**
 * The SLA of one ticket at `now` (DOMAIN.md, "Deadlines"). `terms` are those in force at reception,
 * or null for a ticket without deadline. Pure: the same facts, terms and `now` always give the same answer.
 */
export function evaluateSla(timeline: ClockTimeline, terms: ContractTerms | null, now: number): SlaEvaluation {
  const targets = terms === null ? [] : TARGETS.flatMap((name) => targetClock(timeline, terms, name, now) ?? []);
  const resolution = targets.find((target) => target.target === 'resolution');
  const end = timeline.resolutionAt ?? timeline.stoppedAt ?? now;
  const overrunMs = resolution?.dueAt == null ? 0 : Math.max(0, end - resolution.dueAt);
  const resolved = timeline.resolutionAt !== null;
  return {
    targets,
    paused: isPaused(timeline, now),
    resolvedAt: timeline.resolutionAt,
    overrunMs,
    overrunDays: overrunDaysOf(overrunMs),
    // Rule 7: every target that applied was met; a covered ticket with no target for its priority meets them all.
    withinDeadlines: resolved && terms !== null ? targets.every((target) => target.status === 'met') : null,
  };
}

/** A started day counts: 1 ms late is one day (DOMAIN.md, "Overrun days"). */
export function overrunDaysOf(overrunMs: number): number {
  return Math.ceil(overrunMs / DAY_MS);
}

/** The first instant a ticket due at `dueAt` and `overrunDays` late counts one day more (a started day counts). */
export function nextOverrunDayAt(dueAt: number, overrunDays: number): number {
  return dueAt + overrunDays * DAY_MS + 1;
}

function reachedAtOf(timeline: ClockTimeline, name: SlaTargetName): number | null {
  switch (name) {
    case 'takeCharge':
      return timeline.takeChargeAt;
    case 'workaround': {
      // Clock rule 4: the permanent fix meets the workaround target too.
      const candidates = [timeline.firstWorkaroundAt, timeline.firstResolutionAt].filter((at) => at !== null);
      return candidates.length === 0 ? null : Math.min(...candidates);
    }
    case 'resolution':
      return timeline.resolutionAt;
  }
}

function targetClock(
  timeline: ClockTimeline,
  terms: ContractTerms,
  name: SlaTargetName,
  now: number,
): TargetClock | null {
  const reachedAt = reachedAtOf(timeline, name);
  // Clock rule 5: a reached milestone keeps the verdict of the qualification it was reached under.
  const qualification = qualificationAt(timeline, reachedAt ?? timeline.stoppedAt ?? now);
  const nature = NatureWithDeadline.safeParse(qualification.nature);
  if (!nature.success) return null;
  const definition = findTarget(terms, nature.data, qualification.priority, name);
  if (definition === undefined) return null;

  const calendar = calendarFor(terms.calendar, definition.basis);
  const durationMs = definition.durationMinutes * MINUTE_MS;
  const { receivedAt } = timeline;
  // Once a milestone is reached, later pauses no longer move its due instant.
  const pauses = reachedAt === null ? timeline.pauses : pausesUntil(timeline.pauses, reachedAt);
  const due = calendar.add(receivedAt, durationMs, pauses);
  const dueAt = Number.isFinite(due) ? due : null;
  const countedUntil = Math.min(
    reachedAt ?? Number.POSITIVE_INFINITY,
    timeline.stoppedAt ?? Number.POSITIVE_INFINITY,
    now,
  );
  const countedMs = calendar.measure(receivedAt, countedUntil, pauses);
  const crossings = [...terms.warningThresholds, 1].map((threshold): ThresholdCrossing => {
    const at = threshold === 1 ? due : calendar.add(receivedAt, Math.ceil(durationMs * threshold), pauses);
    const crossed = Number.isFinite(at) && (reachedAt === null || reachedAt > at);
    return { threshold, at: crossed ? at : null };
  });

  return {
    target: name,
    nature: nature.data,
    priority: qualification.priority,
    basis: definition.basis,
    durationMs,
    countedMs,
    remainingMs: Math.max(0, durationMs - countedMs),
    dueAt,
    reachedAt,
    status: statusOf({ reachedAt, dueAt, stoppedAt: timeline.stoppedAt, now, paused: isPaused(timeline, now) }),
    consumed: countedMs / durationMs,
    crossings,
  };
}

function statusOf(clock: {
  reachedAt: number | null;
  dueAt: number | null;
  stoppedAt: number | null;
  now: number;
  paused: boolean;
}): TargetStatus {
  const { reachedAt, dueAt, stoppedAt, now, paused } = clock;
  // Clock rule 3: reached at or before the due instant meets the target.
  if (reachedAt !== null) return dueAt === null || reachedAt <= dueAt ? 'met' : 'breached';
  if (dueAt !== null && dueAt < Math.min(now, stoppedAt ?? Number.POSITIVE_INFINITY)) return 'breached';
  if (stoppedAt !== null) return 'void';
  return paused ? 'paused' : 'running';
}

function pausesUntil(pauses: readonly Interval[], end: number): Interval[] {
  return pauses
    .filter((pause) => pause.start < end)
    .map((pause) => ({ start: pause.start, end: Math.min(pause.end, end) }));
}

function isPaused(timeline: ClockTimeline, now: number): boolean {
  return timeline.pauses.some((pause) => pause.start <= now && now < pause.end);
}

export interface NextCrossing {
  readonly target: SlaTargetName;
  readonly threshold: number;
  readonly at: number;
}

/** The next warning or breach after `after`, for a timer; null when none is ahead (all met, or paused). */
export function nextCrossing(evaluation: SlaEvaluation, after: number): NextCrossing | null {
  let next: NextCrossing | null = null;
  for (const target of evaluation.targets) {
    if (target.reachedAt !== null || target.status === 'void') continue;
    for (const crossing of target.crossings) {
      if (crossing.at !== null && crossing.at > after && (next === null || crossing.at < next.at)) {
        next = { target: target.target, threshold: crossing.threshold, at: crossing.at };
      }
    }
  }
  return next;
}
