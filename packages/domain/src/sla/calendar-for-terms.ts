import {
  type BusinessCalendar,
  businessCalendar,
  type CalendarDefinition,
  continuousCalendar,
} from '../calendar/index.ts';
import type { TimeBasis } from '../contract/contract-terms.ts';

const MAX_CACHED = 256;
const cache = new Map<string, BusinessCalendar>();
const continuous = continuousCalendar();

/**
 * Calendars cache their service windows, so one instance per definition serves every ticket of every
 * contract that shares it. The cache only memoizes a pure function: results never depend on it.
 */
export function calendarFor(definition: CalendarDefinition, basis: TimeBasis): BusinessCalendar {
  if (basis === 'calendar') return continuous;
  const key = JSON.stringify(definition);
  let calendar = cache.get(key);
  if (calendar === undefined) {
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    calendar = businessCalendar(definition);
    cache.set(key, calendar);
  }
  return calendar;
}
