import type { Interval } from '../src/calendar/index.ts';

const MINUTE = 60_000;
const DAY = 1_440 * MINUTE;
/** A year of the standard calendar: about 254 working days of 8 hours. */
export const BUSINESS_YEAR_MINUTES = 254 * 8 * 60;

export interface DueCase {
  readonly calendar: string;
  readonly start: number;
  readonly durationMs: number;
  readonly pauses: readonly Interval[];
}

/** mulberry32: small, fast and good enough to draw reproducible cases from a seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Cases as the SLA clock meets them, on whole minutes: a start in 2026, a duration up
 * to a year of business hours (uniform, so the horizon is half a year on average),
 * and 0 to 3 pauses from a week before the start to half a year after, one in ten
 * without end (a ticket still awaiting the customer).
 */
export function dueCases(count: number, seed: number, calendars: readonly string[]): DueCase[] {
  const random = seededRandom(seed);
  const integer = (max: number) => Math.floor(random() * (max + 1));
  const from = Date.UTC(2026, 0, 1) / MINUTE;
  const minutesIn2026 = 365 * 1_440 - 1;
  const cases: DueCase[] = [];
  for (let i = 0; i < count; i++) {
    const start = (from + integer(minutesIn2026)) * MINUTE;
    const durationMs = integer(BUSINESS_YEAR_MINUTES) * MINUTE;
    const pauses: Interval[] = [];
    for (let p = integer(3); p > 0; p--) {
      const pauseStart = start + (integer(187 * 1_440) - 7 * 1_440) * MINUTE;
      const endless = random() < 0.1;
      const end = endless ? Number.POSITIVE_INFINITY : pauseStart + (1 + integer(30 * 1_440)) * MINUTE;
      pauses.push({ start: pauseStart, end });
    }
    cases.push({ calendar: calendars[integer(calendars.length - 1)]!, start, durationMs, pauses });
  }
  return cases;
}

export const HORIZON_YEARS = [2025, 2026, 2027, 2028, 2029];
export { DAY, MINUTE };
