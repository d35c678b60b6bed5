import {
  type BusinessCalendar,
  businessCalendar,
  type CalendarDefinition,
  continuousCalendar,
} from '../calendar/index.ts';
import type { TimeBasis } from '../contract/contract-terms.ts';

const MAX_CACHED = 256;
const cache = new Map<string, BusinessCalendar>();
// Contract terms are parsed once and then shared, never mutated: the same definition object comes back at
// every evaluation of every ticket of its contract. Keyed by that object, a lookup skips serialising the
// definition, which cost about 7 % of a firing's CPU. The WeakMap lets terms that are dropped (an amended
// contract, a rebuilt read model) take their entry with them.
const byDefinition = new WeakMap<CalendarDefinition, BusinessCalendar>();
const continuous = continuousCalendar();

/**
 * Calendars cache their service windows, so one instance per definition serves every ticket of every
 * contract that shares it. The cache only memoizes a pure function: results never depend on it.
 */
export function calendarFor(definition: CalendarDefinition, basis: TimeBasis): BusinessCalendar {
  if (basis === 'calendar') return continuous;
  let calendar = byDefinition.get(definition);
  if (calendar !== undefined) return calendar;
  // Another object with the same content (terms parsed again, a copy) still shares the calendar.
  const key = JSON.stringify(definition);
  calendar = cache.get(key);
  if (calendar === undefined) {
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    calendar = businessCalendar(definition);
    cache.set(key, calendar);
  }
  byDefinition.set(definition, calendar);
  return calendar;
}
