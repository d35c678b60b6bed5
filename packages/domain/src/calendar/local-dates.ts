import { DateTime } from 'luxon';
import { wallClock } from './zone-offsets.ts';

/** The first instant of a local date in a zone (the instant of the jump when midnight does not exist). */
export function startOfLocalDate(timeZone: string, isoDate: string): number {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return wallClock(timeZone)(Date.UTC(year, month - 1, day));
}

/** The local date (`YYYY-MM-DD`) of an instant in a zone. */
export function localDateOf(timeZone: string, at: number): string {
  return DateTime.fromMillis(at, { zone: timeZone }).toISODate()!;
}

/** The same month and day in another year; 29 February becomes 28 February in common years. */
export function sameDayInYear(isoDate: string, year: number): string {
  const [, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}
