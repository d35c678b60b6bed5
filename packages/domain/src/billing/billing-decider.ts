import { type DomainError, domainError } from '../shared/domain-error.ts';
import { assertNever, err, ok, type Result } from '../shared/result.ts';
import type { BillingCommand, PriceUnpricedTime, SetPriceList } from './billing-commands.ts';
import { type BillableTimeUnpriced, type BillingEvent, billingEvent } from './billing-events.ts';
import { type PriceList, priceListInForce } from './price-list.ts';
import { type PricedItem, type Pricing, type PricingRefusal, priceItem } from './pricing.ts';

/**
 * The items billed, newest first, as a list that each event extends without copying: a client's stream
 * holds thousands of items, and copying a set at each one made folding it quadratic (5,000 items took
 * seconds). A command looks an item up once, in linear time.
 */
export interface BilledItems {
  readonly itemId: string;
  /** Set while the item is time kept aside unpriced; a later node of the same item prices it. */
  readonly unpriced?: BillableTimeUnpriced;
  readonly previous: BilledItems | null;
}

/** The latest node of the item: what it is now (billed, or kept aside unpriced). */
function latestOf(items: BilledItems | null, itemId: string): BilledItems | undefined {
  for (let item = items; item !== null; item = item.previous) if (item.itemId === itemId) return item;
  return undefined;
}

export function isBilled(items: BilledItems | null, itemId: string): boolean {
  return latestOf(items, itemId) !== undefined;
}

/** A client's billing (`billing-<clientId>`): the versions of its price list and the items billed. */
export interface BillingState {
  readonly priceLists: readonly PriceList[];
  readonly items: BilledItems | null;
  /** The latest day an item was billed on: a new price list cannot start on or before it. */
  readonly lastItemOn: string | null;
}

export const initialBillingState: BillingState = { priceLists: [], items: null, lastItemOn: null };

type Decision = Result<BillingEvent[], DomainError>;

function refuse(code: string, command: BillingCommand, why: string): Decision {
  const message = `Cannot ${command.type} for client ${command.clientId}: ${why}`;
  return err(domainError(code, message, { clientId: command.clientId }));
}

export function decideBilling(command: BillingCommand, state: BillingState): Decision {
  switch (command.type) {
    case 'SetPriceList':
      return setPriceList(command, state);
    case 'BillTicketTime': {
      const { type: _type, workKind, minutes, ...item } = command;
      const pricing: Pricing = { kind: 'time', workKind, minutes };
      const priced = priceOn(state, item.on, pricing);
      // Time already spent is a fact: when nothing prices it, it is kept aside rather than lost.
      const fresh = !isBilled(state.items, item.itemId);
      if (!priced.ok && fresh && (priced.code === 'billing.no_price_list' || priced.code === 'billing.no_rate')) {
        const facts = definedOnly(item);
        return ok([billingEvent('BillableTimeUnpriced', { ...facts, workKind, minutes, reason: priced.code })]);
      }
      return bill(command, state, { ...item, origin: 'ticket_time' }, pricing);
    }
    case 'PriceUnpricedTime':
      return priceUnpriced(command, state);
    case 'RecordOnSiteService': {
      const { type: _type, serviceId, pricing, ticketClientId, ...item } = command;
      if (item.ticketId !== undefined && ticketClientId !== item.clientId) {
        const whose = ticketClientId === undefined ? 'no client' : `client ${ticketClientId}`;
        return refuse('billing.ticket_of_another_client', command, `ticket ${item.ticketId} is of ${whose}`);
      }
      const priced: Pricing =
        pricing.kind === 'fixed'
          ? pricing
          : { kind: 'time', workKind: pricing.workKind ?? 'on_site', minutes: pricing.minutes };
      return bill(command, state, { ...item, itemId: serviceId, origin: 'on_site_service' }, priced);
    }
    default:
      return assertNever(command);
  }
}

/**
 * Versions follow one another in time, and never reach back over an item already billed: an item keeps
 * the price of the list in force on its day, now and in any replay.
 */
function setPriceList(command: SetPriceList, state: BillingState): Decision {
  // ISO dates compare as strings.
  if (command.validUntil !== undefined && command.validUntil < command.validFrom) {
    return refuse('billing.price_list_period_invalid', command, `${command.validUntil} is before ${command.validFrom}`);
  }
  const kinds = command.hourlyRates.map((rate) => rate.workKind);
  const services = command.fixedPrices.map((price) => price.service);
  const twice = [kinds, services]
    .map((names: readonly string[]) => names.find((name, index) => names.indexOf(name) !== index))
    .find((name) => name !== undefined);
  if (twice !== undefined) return refuse('billing.price_list_duplicate', command, `${twice} is priced twice`);
  const latest = state.priceLists.at(-1);
  if (latest !== undefined && command.validFrom <= latest.validFrom) {
    return refuse('billing.price_list_out_of_order', command, `the list in force starts on ${latest.validFrom}`);
  }
  if (state.lastItemOn !== null && command.validFrom <= state.lastItemOn) {
    return refuse('billing.price_list_retroactive', command, `an item was billed on ${state.lastItemOn}`);
  }
  const { type: _type, ...list } = command;
  return ok([billingEvent('PriceListSet', list)]);
}

type ItemFacts = {
  readonly clientId: string;
  readonly itemId: string;
  readonly origin: 'ticket_time' | 'on_site_service';
  readonly ticketId?: string | undefined;
  readonly product?: string | undefined;
  readonly agentId: string;
  readonly on: string;
  readonly description: string;
  readonly by: string;
  readonly at: string;
};

type PricedOn =
  | { readonly ok: true; readonly list: PriceList; readonly priced: PricedItem }
  | ({ readonly ok: false } & PricingRefusal)
  | { readonly ok: false; readonly code: 'billing.no_price_list'; readonly why: string };

/** The item priced with the list in force on its day, or why it cannot be. */
function priceOn(state: BillingState, on: string, pricing: Pricing): PricedOn {
  const list = priceListInForce(state.priceLists, on);
  if (list === undefined)
    return { ok: false, code: 'billing.no_price_list', why: `no price list is in force on ${on}` };
  const priced = priceItem(list, pricing);
  return priced.ok ? { ok: true, list, priced: priced.value } : priced;
}

function definedOnly<T extends object>(facts: T): T {
  return Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined)) as T;
}

/**
 * Time kept aside is billed when the manager decides so, with the list in force on its day (a list set
 * since may reach back over it: only billed items hold lists back). Who priced it and when are the
 * command's; the rest is the time record's.
 */
function priceUnpriced(command: PriceUnpricedTime, state: BillingState): Decision {
  const latest = latestOf(state.items, command.itemId);
  if (latest === undefined) return refuse('billing.unpriced_time_unknown', command, `no time ${command.itemId}`);
  if (latest.unpriced === undefined) {
    return refuse('billing.already_registered', command, `item ${command.itemId} is already billed`);
  }
  const { type: _type, schemaVersion: _version, reason: _reason, workKind, minutes, ...facts } = latest.unpriced;
  const { by, at } = command;
  const pricing: Pricing = { kind: 'time', workKind, minutes };
  return bill(command, { ...state, items: latest.previous }, { ...facts, origin: 'ticket_time', by, at }, pricing);
}

function bill(command: BillingCommand, state: BillingState, item: ItemFacts, pricing: Pricing): Decision {
  if (isBilled(state.items, item.itemId)) {
    return refuse('billing.already_registered', command, `item ${item.itemId} is already billed`);
  }
  const outcome = priceOn(state, item.on, pricing);
  if (!outcome.ok) return refuse(outcome.code, command, outcome.why);
  const { list, priced } = outcome;
  const detail =
    priced.kind === 'time'
      ? { workKind: priced.workKind, minutes: priced.minutes, rateCents: priced.rateCents }
      : { service: priced.service };
  return ok([
    billingEvent('BillableItemRecorded', {
      ...definedOnly(item),
      pricing: priced.kind,
      ...detail,
      amountCents: priced.amountCents,
      currency: list.currency,
      priceListFrom: list.validFrom,
    }),
  ]);
}

export function evolveBilling(state: BillingState, event: BillingEvent): BillingState {
  switch (event.type) {
    case 'PriceListSet': {
      const { type: _type, schemaVersion: _version, clientId: _client, by: _by, at: _at, ...list } = event;
      return { ...state, priceLists: [...state.priceLists, list] };
    }
    case 'BillableItemRecorded': {
      const lastItemOn = state.lastItemOn === null || event.on > state.lastItemOn ? event.on : state.lastItemOn;
      return { ...state, items: { itemId: event.itemId, previous: state.items }, lastItemOn };
    }
    case 'BillableTimeUnpriced':
      return { ...state, items: { itemId: event.itemId, unpriced: event, previous: state.items } };
    default:
      return assertNever(event);
  }
}

export const billingDecider = {
  decide: decideBilling,
  evolve: evolveBilling,
  initialState: initialBillingState,
} as const;
