import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ClockFact, foldClockFacts } from './clock-facts.ts';
import { clockTimelines } from './clock-timelines.ts';

const start = Date.parse('2026-05-07T16:00:00+02:00');
const priority = fc.constantFrom('P1' as const, 'P2' as const, 'P3' as const);
const nature = fc.constantFrom('malfunction' as const, 'functional' as const, 'evolution' as const);

/** Facts after a reception, in time order (sometimes at the same instant), in any order of kinds. */
const facts = fc
  .array(
    fc.record({
      gap: fc.integer({ min: 0, max: 5 * 3_600_000 }),
      fact: fc.oneof(
        fc.record({
          kind: fc.constant('requalified' as const),
          priority: fc.option(priority, { nil: undefined }),
          nature: fc.option(nature, { nil: undefined }),
        }),
        fc.record({
          kind: fc.constantFrom(
            'paused' as const,
            'resumed' as const,
            'resolved' as const,
            'reopened' as const,
            'stopped' as const,
          ),
        }),
        fc.record({
          kind: fc.constant('milestone' as const),
          milestone: fc.constantFrom('takeCharge' as const, 'workaround' as const),
        }),
      ),
    }),
    { maxLength: 30 },
  )
  .chain((steps) =>
    fc.tuple(priority, nature).map(([firstPriority, firstNature]) => {
      let at = start;
      const received: ClockFact = { kind: 'received', at, nature: firstNature, priority: firstPriority };
      return [
        received,
        ...steps.map(({ gap, fact }) => {
          at += gap;
          const { priority: p, nature: n, ...rest } = fact as { priority?: unknown; nature?: unknown };
          return {
            ...rest,
            ...(p === undefined ? {} : { priority: p }),
            ...(n === undefined ? {} : { nature: n }),
            at,
          } as ClockFact;
        }),
      ];
    }),
  );

describe('the clock timelines of a replay', () => {
  it('are, after each fact, the fold of the facts so far', () => {
    fc.assert(
      fc.property(facts, (all) => {
        const timelines = clockTimelines(all);
        expect(timelines).toHaveLength(all.length);
        for (const [index, timeline] of timelines.entries())
          expect(timeline).toEqual(foldClockFacts(all.slice(0, index + 1)));
      }),
      { numRuns: 300 },
    );
  });
});
