import { utcOffsetAt, wallClock } from './zone-offsets.ts';

/** The first instant of a local date in a zone (the instant of the jump when midnight does not exist). */
export function startOfLocalDate(timeZone: string, isoDate: string): number {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return wallClock(timeZone)(Date.UTC(year, month - 1, day));
}

/**
 * The local date (`YYYY-MM-DD`) of an instant in a zone. From the zone's offset tables: luxon's
 * `toISODate` asked Intl for each instant, 1.6% of the embedded product's event loop under load
 * (a contract's period, for each ticket received).
 */
export function localDateOf(timeZone: string, at: number): string {
  const local = new Date(at + utcOffsetAt(timeZone, at));
  return calendarDate(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate());
}

/** A calendar date as `YYYY-MM-DD` (month from 1). */
function calendarDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The same month and day in another year; 29 February becomes 28 February in common years. */
export function sameDayInYear(isoDate: string, year: number): string {
  const [, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return calendarDate(year, month, Math.min(day, lastDay));
}
