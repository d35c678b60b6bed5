import Holidays from 'date-holidays';
import { IANAZone } from 'luxon';
import type { CalendarDefinition, Interval } from '../src/calendar/index.ts';

const MINUTE = 60_000;
const QUARTER_HOUR = 15 * MINUTE;
const MAX_HORIZON = 5 * 366 * 86_400_000;

/**
 * The reference for the benchmark: it walks minute by minute and asks, for each
 * minute, whether the service is open and not paused. It shares nothing with the
 * calendar's code but the libraries: the local time comes from luxon's zone offsets,
 * holidays straight from date-holidays, windows from the definition's strings.
 * Every instant and duration of the benchmark is on a whole minute, so minute steps
 * are exact. The only concession to speed: the offset is remembered per quarter hour
 * (offsets of the tz database change on quarter hours) instead of asking Intl each minute.
 */
export function naiveCalendar(definition: CalendarDefinition, years: readonly number[]) {
  const zone = IANAZone.create(definition.timeZone);
  const offsets = new Map<number, number>();
  const closed = new Set<number>();
  const dateKey = (year: number, month: number, day: number) => year * 10_000 + month * 100 + day;
  if (definition.holidays !== null) {
    const { country, region } = definition.holidays;
    const rules = region === undefined ? new Holidays(country) : new Holidays(country, region);
    for (const year of years) {
      for (const holiday of rules.getHolidays(year)) {
        if (holiday.type !== 'public') continue;
        const [y, m, d] = holiday.date.slice(0, 10).split('-').map(Number) as [number, number, number];
        closed.add(dateKey(y, m, d));
      }
    }
  }
  for (const closure of definition.closures) {
    const [y, m, d] = closure.split('-').map(Number) as [number, number, number];
    closed.add(dateKey(y, m, d));
  }
  const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  const windows = definition.weeklySchedule.map((w) => ({
    weekday: w.weekday,
    opens: toMinutes(w.opens),
    closes: toMinutes(w.closes),
  }));

  function offsetAt(instant: number): number {
    const quarter = Math.floor(instant / QUARTER_HOUR);
    let offset = offsets.get(quarter);
    if (offset === undefined) {
      offset = zone.offset(quarter * QUARTER_HOUR) * MINUTE;
      offsets.set(quarter, offset);
    }
    return offset;
  }

  function isOpen(instant: number): boolean {
    const local = new Date(instant + offsetAt(instant));
    if (closed.has(dateKey(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate()))) return false;
    const weekday = local.getUTCDay() || 7;
    const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
    return windows.some((w) => w.weekday === weekday && w.opens <= minute && minute < w.closes);
  }

  function due(start: number, durationMs: number, pauses: readonly Interval[]): number {
    if (durationMs === 0) return start;
    let counted = 0;
    for (let minute = start; minute - start < MAX_HORIZON; minute += MINUTE) {
      if (pauses.some((p) => p.start <= minute && p.end === Number.POSITIVE_INFINITY)) {
        return Number.POSITIVE_INFINITY;
      }
      if (isOpen(minute) && !pauses.some((p) => p.start <= minute && minute < p.end)) {
        counted += MINUTE;
        if (counted >= durationMs) return minute + MINUTE;
      }
    }
    throw new Error(`naive calendar: no due instant within five years of ${new Date(start).toISOString()}`);
  }

  return { isOpen, due };
}
