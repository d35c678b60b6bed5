import type { Interval } from '../calendar/index.ts';
import type { ClockFact, ClockTimeline } from './clock-facts.ts';

type Qualification = ClockTimeline['qualifications'][number];

/**
 * The clock's timeline after each fact, in one pass: what `foldClockFacts` gives for every prefix (a
 * property spec holds them equal), for a replay that judges a ticket after each of its events without
 * folding its history again each time.
 */
export function clockTimelines(facts: readonly ClockFact[]): ClockTimeline[] {
  const first = facts[0];
  if (first === undefined) return [];
  if (first.kind !== 'received') throw new Error('A ticket clock starts with its reception');
  const pauses: Interval[] = [];
  let qualifications: Qualification[] = [{ from: first.at, nature: first.nature, priority: first.priority }];
  let pausedSince: number | null = null;
  let takeChargeAt: number | null = null;
  let firstWorkaroundAt: number | null = null;
  let firstResolutionAt: number | null = null;
  let resolutionAt: number | null = null;
  let stoppedAt: number | null = null;
  let closed: readonly Interval[] = [];

  const pause = (at: number) => {
    pausedSince ??= at;
  };
  const resume = (at: number) => {
    if (pausedSince !== null && at > pausedSince) {
      pauses.push({ start: pausedSince, end: at });
      closed = [...pauses];
    }
    pausedSince = null;
  };

  const timelines: ClockTimeline[] = [];
  for (const [index, fact] of facts.entries()) {
    if (index > 0) {
      switch (fact.kind) {
        case 'received':
          throw new Error('A ticket is received once');
        case 'requalified': {
          const current = qualifications.at(-1)!;
          qualifications = [
            ...qualifications,
            { from: fact.at, nature: fact.nature ?? current.nature, priority: fact.priority ?? current.priority },
          ];
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
    timelines.push({
      receivedAt: first.at,
      // Timelines share the closed pauses (never mutated once handed out); an open pause ends them.
      pauses: pausedSince === null ? closed : [...closed, { start: pausedSince, end: Number.POSITIVE_INFINITY }],
      qualifications,
      takeChargeAt,
      firstWorkaroundAt,
      firstResolutionAt,
      resolutionAt,
      stoppedAt,
    });
  }
  return timelines;
}
