import { type DomainError, domainError } from '../shared/domain-error.ts';
import { assertNever, err, ok, type Result } from '../shared/result.ts';
import type { BillingCommand, SetPriceList } from './billing-commands.ts';
import { type BillingEvent, billingEvent } from './billing-events.ts';
import { type PriceList, priceListInForce } from './price-list.ts';
import { type Pricing, priceItem } from './pricing.ts';

/** A client's billing (`billing-<clientId>`): the versions of its price list and the items billed. */
export interface BillingState {
  readonly priceLists: readonly PriceList[];
  readonly items: Readonly<Record<string, true>>;
  /** The latest day an item was billed on: a new price list cannot start on or before it. */
  readonly lastItemOn: string | null;
}

export const initialBillingState: BillingState = { priceLists: [], items: {}, lastItemOn: null };

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
      return bill(command, state, { ...item, origin: 'ticket_time' }, { kind: 'time', workKind, minutes });
    }
    case 'RecordOnSiteService': {
      const { type: _type, serviceId, pricing, ...item } = command;
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

function bill(command: BillingCommand, state: BillingState, item: ItemFacts, pricing: Pricing): Decision {
  if (state.items[item.itemId] !== undefined) {
    return refuse('billing.already_registered', command, `item ${item.itemId} is already billed`);
  }
  const list = priceListInForce(state.priceLists, item.on);
  if (list === undefined) return refuse('billing.no_price_list', command, `no price list is in force on ${item.on}`);
  const priced = priceItem(list, pricing);
  if (!priced.ok) return refuse(priced.code, command, priced.why);
  const { kind, amountCents } = priced.value;
  const detail =
    priced.value.kind === 'time'
      ? { workKind: priced.value.workKind, minutes: priced.value.minutes, rateCents: priced.value.rateCents }
      : { service: priced.value.service };
  const defined = Object.fromEntries(Object.entries(item).filter(([, value]) => value !== undefined)) as ItemFacts;
  return ok([
    billingEvent('BillableItemRecorded', {
      ...defined,
      pricing: kind,
      ...detail,
      amountCents,
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
      return { ...state, items: { ...state.items, [event.itemId]: true }, lastItemOn };
    }
    default:
      return assertNever(event);
  }
}

export const billingDecider = {
  decide: decideBilling,
  evolve: evolveBilling,
  initialState: initialBillingState,
} as const;
