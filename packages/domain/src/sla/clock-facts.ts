import type { Interval } from '../calendar/index.ts';
import type { SlaTargetName } from '../contract/contract-terms.ts';
import type { Nature, Priority } from '../ticket/ticket-classification.ts';

/**
 * What the SLA clock needs to know of a ticket's life, in the order it happened. The ticket's events map
 * onto these (see ticket-clock-facts.ts); keeping the engine on this small vocabulary keeps it testable.
 */
export type ClockFact =
  | { readonly kind: 'received'; readonly at: number; readonly nature: Nature; readonly priority: Priority }
  | {
      readonly kind: 'requalified';
      readonly at: number;
      readonly nature?: Nature;
      readonly priority?: Priority;
    }
  /** Entering awaiting_information or awaiting_customer. */
  | { readonly kind: 'paused'; readonly at: number }
  | { readonly kind: 'resumed'; readonly at: number }
  | { readonly kind: 'milestone'; readonly milestone: Exclude<SlaTargetName, 'resolution'>; readonly at: number }
  /** Resolution also pauses the clock until a reopening (DOMAIN.md, clock rule 2). */
  | { readonly kind: 'resolved'; readonly at: number }
  | { readonly kind: 'reopened'; readonly at: number }
  /** Rejected or cancelled: the clock stops for good and unreached targets no longer apply. */
  | { readonly kind: 'stopped'; readonly at: number };

interface Qualification {
  readonly from: number;
  readonly nature: Nature;
  readonly priority: Priority;
}

/** The clock's view of a ticket, folded from its facts. */
export interface ClockTimeline {
  readonly receivedAt: number;
  /** Ordered, disjoint; the last one may be open-ended (end = +Infinity). */
  readonly pauses: readonly Interval[];
  readonly qualifications: readonly Qualification[];
  readonly takeChargeAt: number | null;
  readonly firstWorkaroundAt: number | null;
  readonly firstResolutionAt: number | null;
  /** The resolution that stands: the last one, unless a reopening came after it (clock rule 6). */
  readonly resolutionAt: number | null;
  readonly stoppedAt: number | null;
}

export function foldClockFacts(facts: readonly ClockFact[]): ClockTimeline {
  const first = facts[0];
  if (first?.kind !== 'received') throw new Error('A ticket clock starts with its reception');
  const pauses: Interval[] = [];
  const qualifications: Qualification[] = [{ from: first.at, nature: first.nature, priority: first.priority }];
  let pausedSince: number | null = null;
  let takeChargeAt: number | null = null;
  let firstWorkaroundAt: number | null = null;
  let firstResolutionAt: number | null = null;
  let resolutionAt: number | null = null;
  let stoppedAt: number | null = null;

  const pause = (at: number) => {
    pausedSince ??= at;
  };
  const resume = (at: number) => {
    if (pausedSince !== null && at > pausedSince) pauses.push({ start: pausedSince, end: at });
    pausedSince = null;
  };

  for (const fact of facts.slice(1)) {
    switch (fact.kind) {
      case 'received':
        throw new Error('A ticket is received once');
      case 'requalified': {
        const current = qualifications.at(-1)!;
        qualifications.push({
          from: fact.at,
          nature: fact.nature ?? current.nature,
          priority: fact.priority ?? current.priority,
        });
        break;
      }
      case 'paused':
        pause(fact.at);
        break;
      case 'resumed':
        resume(fact.at);
        break;
      case 'milestone':
        if (fact.milestone === 'takeCharge') takeChargeAt ??= fact.at;
        else firstWorkaroundAt ??= fact.at;
        break;
      case 'resolved':
        firstResolutionAt ??= fact.at;
        resolutionAt = fact.at;
        pause(fact.at);
        break;
      case 'reopened':
        resolutionAt = null;
        resume(fact.at);
        break;
      case 'stopped':
        stoppedAt ??= fact.at;
        pause(fact.at);
        break;
    }
  }
  if (pausedSince !== null) pauses.push({ start: pausedSince, end: Number.POSITIVE_INFINITY });
  return {
    receivedAt: first.at,
    pauses,
    qualifications,
    takeChargeAt,
    firstWorkaroundAt,
    firstResolutionAt,
    resolutionAt,
    stoppedAt,
  };
}

/** Nature and priority in force at an instant (requalifications apply from when they happened). */
export function qualificationAt(timeline: ClockTimeline, at: number): Qualification {
  let current = timeline.qualifications[0]!;
  for (const qualification of timeline.qualifications) {
    if (qualification.from <= at) current = qualification;
  }
  return current;
}
