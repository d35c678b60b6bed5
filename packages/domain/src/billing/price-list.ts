import { z } from 'zod';
import { AmountCents } from '../schema/primitives.ts';
import { LocalDate } from '../shared/time.ts';
import { Nature } from '../ticket/ticket-classification.ts';

/**
 * What an hour is priced by: the nature of the ticket the time was spent on (DOMAIN.md's natures), or
 * `on_site` for an agent's time at the client's premises.
 */
export const WorkKind = z.enum([...Nature.options, 'on_site']);
export type WorkKind = z.infer<typeof WorkKind>;

export const HourlyRate = z.object({ workKind: WorkKind, rateCents: AmountCents });
export type HourlyRate = z.infer<typeof HourlyRate>;

/** A service sold at a fixed price (an installation, a day of training on site…), by its code. */
export const FixedPrice = z.object({
  service: z.string().trim().min(1),
  label: z.string().trim().min(1),
  priceCents: AmountCents,
});
export type FixedPrice = z.infer<typeof FixedPrice>;

/** One version of a client's price list: in force from `validFrom` to `validUntil` (both included). */
export const PriceList = z.object({
  validFrom: LocalDate,
  validUntil: LocalDate.optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code'),
  hourlyRates: z.array(HourlyRate),
  fixedPrices: z.array(FixedPrice),
});
export type PriceList = z.infer<typeof PriceList>;

/**
 * The version in force on `date`: the last one started on or before it, unless it ended before it.
 * A version ends where the next one starts, so at most one is in force on a day. `versions` are in
 * the order they were set, which is the order of `validFrom` (the decider refuses any other).
 */
export function priceListInForce(versions: readonly PriceList[], date: string): PriceList | undefined {
  // ISO dates compare as strings.
  const started = versions.filter((version) => version.validFrom <= date).at(-1);
  if (started === undefined) return undefined;
  return started.validUntil !== undefined && started.validUntil < date ? undefined : started;
}
