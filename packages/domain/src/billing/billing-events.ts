import { z } from 'zod';
import { eventFactory, eventSchema } from '../schema/event-schema.ts';
import { ActorId, AmountCents, EntityId, ProductCode } from '../schema/primitives.ts';
import { Instant, LocalDate } from '../shared/time.ts';
import { PriceList, WorkKind } from './price-list.ts';

const Text = z.string().trim().min(1);

/** A new version of the client's price list (`billing-<clientId>`), in force from `validFrom`. */
export const PriceListSet = eventSchema('PriceListSet', 1, {
  clientId: EntityId,
  ...PriceList.shape,
  by: ActorId,
  at: Instant,
});
export type PriceListSet = z.infer<typeof PriceListSet>;

/** Where a billable item comes from: time on an out-of-contract ticket, or a service on site. */
export const BillableOrigin = z.enum(['ticket_time', 'on_site_service']);
export type BillableOrigin = z.infer<typeof BillableOrigin>;

/**
 * One line of a client's invoice, priced when recorded with the price list in force on its day `on`
 * (`priceListFrom` names that version), so that it never changes afterwards. A time item carries its
 * minutes, kind of work and hourly rate; a fixed-price item its service. Amounts are integer cents,
 * rounded half up per item. Lists per client and month read `clientId`, `on` and `amountCents`.
 */
export const BillableItemRecorded = eventSchema('BillableItemRecorded', 1, {
  clientId: EntityId,
  itemId: EntityId,
  origin: BillableOrigin,
  ticketId: EntityId.optional(),
  product: ProductCode.optional(),
  agentId: EntityId,
  on: LocalDate,
  description: Text,
  pricing: z.enum(['time', 'fixed']),
  workKind: WorkKind.optional(),
  minutes: z.number().int().positive().optional(),
  rateCents: AmountCents.optional(),
  service: Text.optional(),
  amountCents: AmountCents,
  currency: z.string().regex(/^[A-Z]{3}$/),
  priceListFrom: LocalDate,
  by: ActorId,
  at: Instant,
});
export type BillableItemRecorded = z.infer<typeof BillableItemRecorded>;

/**
 * Time on a billable ticket that no price list could price (none in force on its day, or no rate for
 * its kind of work): recorded so that the manager sees it and so that billing it later is a decision,
 * not a side effect of a restart. `reason` is the refusal's code.
 */
export const BillableTimeUnpriced = eventSchema('BillableTimeUnpriced', 1, {
  clientId: EntityId,
  itemId: EntityId,
  ticketId: EntityId,
  product: ProductCode.optional(),
  agentId: EntityId,
  on: LocalDate,
  description: Text,
  workKind: WorkKind,
  minutes: z.number().int().positive(),
  reason: z.enum(['billing.no_price_list', 'billing.no_rate']),
  by: ActorId,
  at: Instant,
});
export type BillableTimeUnpriced = z.infer<typeof BillableTimeUnpriced>;

export const billingEventSchemas = [PriceListSet, BillableItemRecorded, BillableTimeUnpriced] as const;
export const BillingEvent = z.discriminatedUnion('type', billingEventSchemas);
export type BillingEvent = z.infer<typeof BillingEvent>;
export const billingEvent = eventFactory<BillingEvent>(billingEventSchemas);
