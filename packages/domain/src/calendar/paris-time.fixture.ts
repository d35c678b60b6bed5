import { DateTime } from 'luxon';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Epoch ms of a local wall time in Europe/Paris, e.g. `paris('2026-05-07T16:00')`; tests only. */
export function paris(local: string): number {
  const instant = DateTime.fromISO(local, { zone: 'Europe/Paris' });
  if (!instant.isValid) throw new Error(`bad local time in a test: ${local}`);
  return instant.toMillis();
}

/** The Paris wall time of an instant, for readable failure messages. */
export function inParis(instant: number): string {
  if (!Number.isFinite(instant)) return String(instant);
  return DateTime.fromMillis(instant, { zone: 'Europe/Paris' }).toFormat("yyyy-MM-dd'T'HH:mm:ss.SSS");
}

/** A schedule open all day, every day: it must count like the continuous calendar. */
export const ALL_DAY_EVERY_DAY = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '00:00', closes: '24:00' }));
