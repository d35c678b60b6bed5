import type { BillableItemRecorded, BillableTimeUnpriced, BillingEvent } from '@hotline/domain';

/** One line of an invoice, as recorded (priced once, never again). */
export type BilledItem = Omit<BillableItemRecorded, 'type' | 'schemaVersion' | 'by'>;

/** Time kept aside because no price list priced it, until the manager bills it. */
export type UnpricedTime = Omit<BillableTimeUnpriced, 'type' | 'schemaVersion' | 'by'>;

export interface BillingTotal {
  readonly clientId: string;
  /** `YYYY-MM` of the items' day `on`: the invoice they go on. */
  readonly month: string;
  readonly currency: string;
  readonly items: number;
  readonly minutes: number;
  /** The sum of the items' amounts, each already rounded to the cent when recorded: exact in integers. */
  readonly amountCents: number;
}

/**
 * A client's billing (`billing-<clientId>`): totals per month and currency, and the time still
 * unpriced. The items themselves are not kept: a client bills thousands a year, and a record holding
 * them all would be written whole to Redis at each one (4,000 items took a minute); the lines are
 * read from the stream, up to this record's revision, when an invoice is listed (`billingLines`).
 */
export interface BillingRecord {
  readonly kind: 'billing';
  readonly clientId: string;
  readonly totals: readonly BillingTotal[];
  readonly unpriced: readonly UnpricedTime[];
}

function added(totals: readonly BillingTotal[], item: BillableItemRecorded): BillingTotal[] {
  const month = item.on.slice(0, 7);
  const index = totals.findIndex((total) => total.month === month && total.currency === item.currency);
  const total = totals[index] ?? {
    clientId: item.clientId,
    month,
    currency: item.currency,
    items: 0,
    minutes: 0,
    amountCents: 0,
  };
  const next = {
    ...total,
    items: total.items + 1,
    minutes: total.minutes + (item.minutes ?? 0),
    amountCents: total.amountCents + item.amountCents,
  };
  if (index >= 0) return totals.map((each, at) => (at === index ? next : each));
  return [...totals, next].sort((a, b) => a.month.localeCompare(b.month) || a.currency.localeCompare(b.currency));
}

export function foldBillingRecord(record: BillingRecord | undefined, event: BillingEvent): BillingRecord {
  const current: BillingRecord = record ?? { kind: 'billing', clientId: event.clientId, totals: [], unpriced: [] };
  switch (event.type) {
    case 'PriceListSet':
      return current;
    case 'BillableItemRecorded':
      // Billing time kept aside unpriced records an item of the same id: it leaves the unpriced list.
      return {
        ...current,
        totals: added(current.totals, event),
        unpriced: current.unpriced.some((each) => each.itemId === event.itemId)
          ? current.unpriced.filter((each) => each.itemId !== event.itemId)
          : current.unpriced,
      };
    case 'BillableTimeUnpriced': {
      const { type: _type, schemaVersion: _version, by: _by, ...time } = event;
      return { ...current, unpriced: [...current.unpriced, time] };
    }
  }
}
