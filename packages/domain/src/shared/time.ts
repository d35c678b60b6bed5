import { z } from 'zod';

/** An instant as it crosses the wire: ISO 8601 with an explicit offset, so no reader guesses a zone. */
export const Instant = z.iso.datetime({ offset: true });
export type Instant = z.infer<typeof Instant>;

/** A calendar date without time of day, read in the zone of whatever it belongs to (a contract's calendar). */
export const LocalDate = z.iso.date();
export type LocalDate = z.infer<typeof LocalDate>;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export function toEpochMs(instant: Instant): number {
  return Date.parse(instant);
}

export function toInstant(epochMs: number): Instant {
  return new Date(epochMs).toISOString();
}
