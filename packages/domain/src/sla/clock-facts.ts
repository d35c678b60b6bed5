import type { Interval } from '../calendar/index.ts';
import type { SlaTargetName } from '../contract/contract-terms.ts';
import type { Nature, Priority } from '../ticket/ticket-classification.ts';
import { clockTimelines } from './clock-timelines.ts';

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

/** The clock's view after all the facts: the last of the timelines a replay walks through. */
export function foldClockFacts(facts: readonly ClockFact[]): ClockTimeline {
  const timeline = clockTimelines(facts).at(-1);
  if (timeline === undefined) throw new Error('A ticket clock starts with its reception');
  return timeline;
}

/** Nature and priority in force at an instant (requalifications apply from when they happened). */
export function qualificationAt(timeline: ClockTimeline, at: number): Qualification {
  let current = timeline.qualifications[0]!;
  for (const qualification of timeline.qualifications) {
    if (qualification.from <= at) current = qualification;
  }
  return current;
}
