import type { CalendarDefinition } from './calendar-definition.ts';
import { epochDay, publicHolidays } from './holiday-rules.ts';
import type { Interval } from './interval.ts';
import type { OpenTime } from './open-time.ts';
import { dailyWindows } from './weekly-schedule.ts';
import {
  instantReaching,
  intervalsIn,
  isOpenIn,
  openTimeBefore,
  totalOpenTime,
  type YearTable,
  yearTable,
} from './year-table.ts';
import { wallClock } from './zone-offsets.ts';

const DAY = 86_400_000;
const MINUTE = 60_000;
// Four-digit years keep ISO dates and date-holidays well defined; a deadline beyond
// them is a bug upstream, not a deadline.
const FIRST_YEAR = 1000;
const LAST_YEAR = 9999;
const NO_HOLIDAYS: ReadonlySet<number> = new Set();

/**
 * The open time of a weekly schedule in a zone, minus holidays and closures. Each local
 * year is materialized on first use and kept by this object: one pass over its days
 * converting wall times to instants, then every query is a binary search.
 */
export function scheduledOpenTime(definition: CalendarDefinition): OpenTime {
  const { timeZone, holidays, closures } = definition;
  const week = dailyWindows(definition.weeklySchedule);
  const closureDays = new Set(closures.map(epochDay));
  const toInstant = wallClock(timeZone);
  const tables = new Map<number, YearTable>();
  let recent: { year: number; table: YearTable } | undefined;

  const startOfYear = (year: number) => toInstant(Date.UTC(year, 0, 1));

  function build(year: number): YearTable {
    const holidayDays = holidays === null ? NO_HOLIDAYS : publicHolidays(holidays, year);
    const opens: number[] = [];
    const closes: number[] = [];
    const last = Date.UTC(year + 1, 0, 1) / DAY;
    for (let day = Date.UTC(year, 0, 1) / DAY; day < last; day++) {
      if (closureDays.has(day) || holidayDays.has(day)) continue;
      const midnight = day * DAY;
      // 1970-01-01, epoch day 0, was a Thursday (ISO weekday 4).
      const weekday = ((((day + 3) % 7) + 7) % 7) + 1;
      for (const [open, close] of week[weekday]!) {
        opens.push(toInstant(midnight + open * MINUTE));
        closes.push(toInstant(midnight + close * MINUTE));
      }
    }
    return yearTable(startOfYear(year), startOfYear(year + 1), opens, closes);
  }

  function table(year: number): YearTable {
    if (recent?.year === year) return recent.table;
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw new RangeError(`calendar years run from ${FIRST_YEAR} to ${LAST_YEAR}, not ${year}`);
    }
    let found = tables.get(year);
    if (found === undefined) {
      found = build(year);
      tables.set(year, found);
    }
    recent = { year, table: found };
    return found;
  }

  /** The local year holding `instant`: the UTC year, or its neighbour near New Year. */
  function yearOf(instant: number): number {
    if (recent !== undefined && instant >= recent.table.start && instant < recent.table.end) return recent.year;
    const year = new Date(instant).getUTCFullYear();
    if (Number.isNaN(year)) throw new RangeError(`instant ${instant} is outside the range of dates`);
    if (instant < startOfYear(year)) return year - 1;
    if (instant >= startOfYear(year + 1)) return year + 1;
    return year;
  }

  return {
    between(from, to) {
      const first = yearOf(from);
      const last = yearOf(to);
      if (first === last) {
        const only = table(first);
        return openTimeBefore(only, to) - openTimeBefore(only, from);
      }
      const head = table(first);
      let total = totalOpenTime(head) - openTimeBefore(head, from);
      for (let year = first + 1; year < last; year++) total += totalOpenTime(table(year));
      return total + openTimeBefore(table(last), to);
    },

    reach(from, amount) {
      let year = yearOf(from);
      if (amount > (LAST_YEAR + 1 - year) * 366 * DAY) return Number.POSITIVE_INFINITY;
      let current = table(year);
      let remaining = openTimeBefore(current, from) + amount;
      while (remaining > totalOpenTime(current)) {
        remaining -= totalOpenTime(current);
        year += 1;
        // A schedule whose every window falls on closed days never reaches the amount.
        if (year > LAST_YEAR) return Number.POSITIVE_INFINITY;
        current = table(year);
      }
      return instantReaching(current, remaining);
    },

    isOpen(instant) {
      return isOpenIn(table(yearOf(instant)), instant);
    },

    intervals(from, to) {
      if (to <= from) return [];
      const found: Interval[] = [];
      for (let year = yearOf(from); year <= yearOf(to); year++) {
        for (const interval of intervalsIn(table(year), from, to)) {
          // A service running across midnight of New Year is one interval, not two.
          const last = found.at(-1);
          if (last !== undefined && last.end === interval.start)
            found[found.length - 1] = { ...last, end: interval.end };
          else found.push(interval);
        }
      }
      return found;
    },
  };
}
