import type { Interval } from './interval.ts';

/**
 * Where a calendar's open time lies, before any pause. Both calendars (scheduled and
 * continuous) implement it; pauses are handled once, on top of it (business-calendar.ts).
 */
export interface OpenTime {
  /** Open time in [from, to), for finite from <= to. */
  between(from: number, to: number): number;
  /**
   * The earliest instant t >= from with `between(from, t) === amount`, for a finite
   * amount > 0; `Number.POSITIVE_INFINITY` when the calendar never opens enough.
   */
  reach(from: number, amount: number): number;
  isOpen(instant: number): boolean;
  /** The open intervals clipped to [from, to), sorted, none touching another. */
  intervals(from: number, to: number): Interval[];
}

/** The `calendar` time basis: every millisecond counts. */
export const continuousOpenTime: OpenTime = {
  between: (from, to) => to - from,
  reach: (from, amount) => from + amount,
  isOpen: () => true,
  intervals: (from, to) => (to > from ? [{ start: from, end: to }] : []),
};
