import { z } from 'zod';
import { ActorId, EntityId, ProductCode } from '../schema/primitives.ts';
import { Instant, LocalDate } from '../shared/time.ts';
import { PriceListSet } from './billing-events.ts';
import { WorkKind } from './price-list.ts';

const Text = z.string().trim().min(1);
const { type: _type, schemaVersion: _version, ...priceList } = PriceListSet.shape;

export const SetPriceList = z.object({ type: z.literal('SetPriceList'), ...priceList });

/**
 * Time recorded on a billable ticket, as the resolution service reads it from `TimeRecorded`:
 * `itemId` names the time record, so the same time is never billed twice.
 */
export const BillTicketTime = z.object({
  type: z.literal('BillTicketTime'),
  clientId: EntityId,
  itemId: EntityId,
  ticketId: EntityId,
  product: ProductCode.optional(),
  agentId: EntityId,
  workKind: WorkKind,
  minutes: z.number().int().positive(),
  on: LocalDate,
  description: Text,
  by: ActorId,
  at: Instant,
});

/** An on-site service is priced by its duration at an hourly rate (`on_site` by default), or at a fixed price. */
export const OnSitePricing = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('time'), minutes: z.number().int().positive(), workKind: WorkKind.optional() }),
  z.object({ kind: z.literal('fixed'), service: Text.describe("The service's code in the price list") }),
]);
export type OnSitePricing = z.infer<typeof OnSitePricing>;

/** `ticketClientId` is the client of the ticket named, as the service read it: a service is billed to it. */
export const RecordOnSiteService = z.object({
  type: z.literal('RecordOnSiteService'),
  clientId: EntityId,
  serviceId: EntityId,
  ticketId: EntityId.optional(),
  ticketClientId: EntityId.optional(),
  product: ProductCode.optional(),
  agentId: EntityId,
  on: LocalDate,
  description: Text,
  pricing: OnSitePricing,
  by: ActorId,
  at: Instant,
});

/** The manager bills time kept aside unpriced, once a price list prices it. */
export const PriceUnpricedTime = z.object({
  type: z.literal('PriceUnpricedTime'),
  clientId: EntityId,
  itemId: EntityId,
  by: ActorId,
  at: Instant,
});

export const BillingCommand = z.discriminatedUnion('type', [
  SetPriceList,
  BillTicketTime,
  RecordOnSiteService,
  PriceUnpricedTime,
]);
export type BillingCommand = z.infer<typeof BillingCommand>;
export type SetPriceList = z.infer<typeof SetPriceList>;
export type BillTicketTime = z.infer<typeof BillTicketTime>;
export type RecordOnSiteService = z.infer<typeof RecordOnSiteService>;
export type PriceUnpricedTime = z.infer<typeof PriceUnpricedTime>;
