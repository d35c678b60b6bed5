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
  return isoDateOf(new Date(at + utcOffsetAt(timeZone, at)));
}

/** A UTC calendar date as `YYYY-MM-DD`. */
function isoDateOf(date: Date): string {
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, '0');
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${month}-${day}`;
}

/** The same month and day in another year; 29 February becomes 28 February in common years. */
export function sameDayInYear(isoDate: string, year: number): string {
  const [, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}
