import { DAY_MS, type Instant, toEpochMs, toInstant } from '../shared/time.ts';

/** DOMAIN.md: "within the contract's reopen window (default 10 days)". */
export const DEFAULT_REOPEN_WINDOW_DAYS = 10;

/**
 * The last instant a resolved ticket may be reopened: the window counts in days of 24 hours from the
 * last resolution, and its end is still inside it, as a milestone reached at its due instant meets it
 * (DOMAIN.md, clock rule 3). Closing for an elapsed window is therefore possible only after this instant.
 */
export function reopenWindowEnd(resolvedAt: Instant, windowDays = DEFAULT_REOPEN_WINDOW_DAYS): Instant {
  return toInstant(toEpochMs(resolvedAt) + windowDays * DAY_MS);
}

export function isWithinReopenWindow(resolvedAt: Instant, at: Instant, windowDays?: number): boolean {
  return toEpochMs(at) <= toEpochMs(reopenWindowEnd(resolvedAt, windowDays));
}
