import type { BillableItemRecorded, BillableTimeUnpriced, BillingEvent } from '@hotline/domain';

/** One line of an invoice, as recorded (priced once, never again). */
export type BilledItem = Omit<BillableItemRecorded, 'type' | 'schemaVersion' | 'by'>;

/** Time kept aside because no price list priced it, until the manager bills it. */
export type UnpricedTime = Omit<BillableTimeUnpriced, 'type' | 'schemaVersion' | 'by'>;

/**
 * A client's billing (`billing-<clientId>`): the items billed and the time still unpriced. Price lists
 * are left out: an item carries the rate and list it was priced with, which is all an invoice needs.
 */
export interface BillingRecord {
  readonly kind: 'billing';
  readonly clientId: string;
  readonly items: readonly BilledItem[];
  readonly unpriced: readonly UnpricedTime[];
}

export function foldBillingRecord(record: BillingRecord | undefined, event: BillingEvent): BillingRecord {
  const current: BillingRecord = record ?? { kind: 'billing', clientId: event.clientId, items: [], unpriced: [] };
  switch (event.type) {
    case 'PriceListSet':
      return current;
    case 'BillableItemRecorded': {
      const { type: _type, schemaVersion: _version, by: _by, ...item } = event;
      // Billing time kept aside unpriced records an item of the same id: it leaves the unpriced list.
      return {
        ...current,
        items: [...current.items, item],
        unpriced: current.unpriced.some((each) => each.itemId === item.itemId)
          ? current.unpriced.filter((each) => each.itemId !== item.itemId)
          : current.unpriced,
      };
    }
    case 'BillableTimeUnpriced': {
      const { type: _type, schemaVersion: _version, by: _by, ...time } = event;
      return { ...current, unpriced: [...current.unpriced, time] };
    }
  }
}
