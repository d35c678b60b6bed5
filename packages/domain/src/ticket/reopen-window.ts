import { epochMs, type Instant } from '../schema/primitives.ts';

/** DOMAIN.md: "within the contract's reopen window (default 10 days)". */
export const DEFAULT_REOPEN_WINDOW_DAYS = 10;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The last instant a resolved ticket may be reopened: the window counts in days of 24 hours from the
 * resolution, and its end is still inside it, as a milestone reached at its due instant meets it
 * (DOMAIN.md, clock rule 3). Closing for an elapsed window is therefore possible only after this instant.
 */
export function reopenWindowEnd(resolvedAt: Instant, windowDays = DEFAULT_REOPEN_WINDOW_DAYS): number {
  return epochMs(resolvedAt) + windowDays * DAY_MS;
}

export function isWithinReopenWindow(resolvedAt: Instant, at: Instant, windowDays?: number): boolean {
  return epochMs(at) <= reopenWindowEnd(resolvedAt, windowDays);
}
