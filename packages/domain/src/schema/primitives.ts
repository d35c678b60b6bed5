import { z } from 'zod';
import type { Instant } from '../shared/time.ts';

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

/** The calendar year as written in the instant, i.e. in the offset the actor used. */
export function yearOf(instant: Instant): number {
  return Number(instant.slice(0, 4));
}
