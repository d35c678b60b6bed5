import { startOfLocalDate } from '../calendar/index.ts';
import type { Period } from './indicators.ts';

const isoDate = (year: number, month: number) =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;

/** The indicators' year is the civil year where the hotline works (Europe/Paris unless told otherwise). */
export function civilYear(year: number, timeZone = 'Europe/Paris'): Period {
  return { start: startOfLocalDate(timeZone, isoDate(year, 1)), end: startOfLocalDate(timeZone, isoDate(year + 1, 1)) };
}

export function civilMonth(year: number, month: number, timeZone = 'Europe/Paris'): Period {
  const next = month === 12 ? isoDate(year + 1, 1) : isoDate(year, month + 1);
  return { start: startOfLocalDate(timeZone, isoDate(year, month)), end: startOfLocalDate(timeZone, next) };
}
