import { CalendarDefinition, type CalendarDefinitionInput } from './calendar-definition.ts';
import { type Interval, normalizePauses } from './interval.ts';
import { continuousOpenTime, type OpenTime } from './open-time.ts';
import { scheduledOpenTime } from './scheduled-open-time.ts';

/**
 * The clock of a time basis (DOMAIN.md, "Deadlines (SLA)"). Instants are epoch
 * milliseconds; results are exact to the millisecond. Counted time is the calendar's
 * open time minus the time inside `pauses`, which may come unsorted and overlapping.
 * Arguments that are not instants (NaN, infinite bounds, negative durations) throw a
 * RangeError, as do instants outside the years 1000–9999 on a business calendar:
 * those are bugs of the caller, not deadlines.
 */
export interface BusinessCalendar {
  /**
   * The earliest instant at which the time counted since `start` reaches `durationMs`:
   * a duration that completes at closing time is due at closing time, not at the next
   * opening; `add(t, 0)` is `t`. `Number.POSITIVE_INFINITY` when it is never reached
   * (a pause without end that starts before it is).
   */
  add(start: number, durationMs: number, pauses?: readonly Interval[]): number;
  /** Time counted in [from, to); 0 when `to <= from`. */
  measure(from: number, to: number, pauses?: readonly Interval[]): number;
  /** Whether the service is open at `instant` (pauses aside). */
  isOpen(instant: number): boolean;
  /** The open intervals within [from, to), clipped to it, sorted and disjoint. */
  openIntervals(from: number, to: number): Interval[];
}

/**
 * The `business` time basis of a contract calendar. The definition is parsed again, so
 * the defaults apply and an invalid one throws a ZodError: validate contract terms at
 * the edge with `CalendarDefinition.safeParse` to get the issues as values.
 * Keep the calendar for as long as its contract terms: it caches each year it computes.
 */
export function businessCalendar(definition: CalendarDefinitionInput = {}): BusinessCalendar {
  return calendarOver(scheduledOpenTime(CalendarDefinition.parse(definition)));
}

const CONTINUOUS = calendarOver(continuousOpenTime);

/** The `calendar` time basis: every minute counts, 24/7. */
export function continuousCalendar(): BusinessCalendar {
  return CONTINUOUS;
}

function calendarOver(open: OpenTime): BusinessCalendar {
  return {
    add(start, durationMs, pauses = []) {
      requireFinite('start', start);
      if (!(durationMs >= 0)) throw new RangeError(`durationMs must be >= 0, got ${durationMs}`);
      if (durationMs === 0) return start;
      if (durationMs === Number.POSITIVE_INFINITY) return durationMs;
      let cursor = start;
      let remaining = durationMs;
      for (const pause of normalizePauses(pauses)) {
        if (pause.end <= cursor) continue;
        if (pause.start > cursor) {
          const counted = open.between(cursor, pause.start);
          if (counted >= remaining) return open.reach(cursor, remaining);
          remaining -= counted;
        }
        cursor = pause.end;
        if (cursor === Number.POSITIVE_INFINITY) return cursor;
      }
      return open.reach(cursor, remaining);
    },

    measure(from, to, pauses = []) {
      requireFinite('from', from);
      requireFinite('to', to);
      if (to <= from) return 0;
      let counted = open.between(from, to);
      for (const pause of normalizePauses(pauses)) {
        const start = Math.max(pause.start, from);
        const end = Math.min(pause.end, to);
        if (end > start) counted -= open.between(start, end);
      }
      return counted;
    },

    isOpen(instant) {
      requireFinite('instant', instant);
      return open.isOpen(instant);
    },

    openIntervals(from, to) {
      requireFinite('from', from);
      requireFinite('to', to);
      return open.intervals(from, to);
    },
  };
}

function requireFinite(name: string, value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite instant in epoch ms, got ${value}`);
}
