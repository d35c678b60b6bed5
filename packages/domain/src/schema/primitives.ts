import { z } from 'zod';

/**
 * An instant as ISO 8601 with an explicit offset (`Z` or `+02:00`). A local time without offset is
 * refused: the same wall-clock time names two instants on the night clocks go back, and an audit must
 * recompute deadlines from the very instant the upstream system meant.
 */
export const Instant = z.iso.datetime({ offset: true });
export type Instant = z.infer<typeof Instant>;

/** A calendar date without time (`2026-06-01`), for periods that are days, not instants. */
export const IsoDate = z.iso.date();
export type IsoDate = z.infer<typeof IsoDate>;

/** Identifiers come in commands (the domain draws no randomness); any non-blank string. */
export const EntityId = z.string().trim().min(1);
export type EntityId = z.infer<typeof EntityId>;

/** Who did it: an agent, a manager, a client contact or an upstream system, by id. */
export const ActorId = z.string().trim().min(1);
export type ActorId = z.infer<typeof ActorId>;

/** A product as the catalogue names it (`ERP`). */
export const ProductCode = z.string().trim().min(1);
export type ProductCode = z.infer<typeof ProductCode>;

/** Money is an integer number of cents, in the contract's currency (DOMAIN.md, "Penalties"). */
export const AmountCents = z.number().int().nonnegative();

/** Milliseconds since the epoch of an instant that passed `Instant` validation. */
export function epochMs(instant: Instant): number {
  return Date.parse(instant);
}

/** The calendar year as written in the instant, i.e. in the offset the actor used. */
export function yearOf(instant: Instant): number {
  return Number(instant.slice(0, 4));
}
