import { BillableItemRecorded } from '@hotline/domain';
import { type EventStore, toDomainEvent } from '@hotline/eventstore';
import type { ReportingView } from '../queries/reporting-view.ts';
import type { BilledItem, BillingTotal, UnpricedTime } from './billing-record.ts';

export type { BillingTotal };

export interface BillingFilter {
  readonly clientId?: string | undefined;
  /** `YYYY-MM`, or `YYYY` for a whole year: the month (or year) of the item's day `on`. */
  readonly month?: string | undefined;
}

export interface BillingLine extends BilledItem {
  /** `YYYY-MM` of `on`: the invoice the line goes on. */
  readonly month: string;
}

const matches = (filter: BillingFilter, clientId: string, on: string) =>
  (filter.clientId === undefined || filter.clientId === clientId) &&
  (filter.month === undefined || on.startsWith(filter.month));

const PAGE = 1_000;

/**
 * The items billed (per client, then day), as invoicing reads them: from each client's stream up to
 * the revision its record has folded, so that the lines always add up to the totals beside them.
 */
export async function billingLines(
  view: ReportingView,
  store: EventStore,
  filter: BillingFilter = {},
): Promise<BillingLine[]> {
  const lines: BillingLine[] = [];
  const clients = [...view.steering.billingRevisions].filter(
    ([clientId]) => filter.clientId === undefined || clientId === filter.clientId,
  );
  for (const [clientId, revision] of clients) {
    for (let from = 0n; from <= revision; from += BigInt(PAGE)) {
      const page = await store.readStream(`billing-${clientId}`, {
        fromRevision: from,
        maxCount: Math.min(PAGE, Number(revision - from) + 1),
      });
      for (const event of page) {
        if (event.type !== 'BillableItemRecorded') continue;
        const {
          type: _type,
          schemaVersion: _version,
          by: _by,
          ...item
        } = BillableItemRecorded.parse(toDomainEvent(event));
        if (matches(filter, item.clientId, item.on)) lines.push({ ...item, month: item.on.slice(0, 7) });
      }
      if (page.length === 0) break;
    }
  }
  return lines.sort(
    (a, b) =>
      a.clientId.localeCompare(b.clientId) ||
      a.on.localeCompare(b.on) ||
      a.at.localeCompare(b.at) ||
      a.itemId.localeCompare(b.itemId),
  );
}

/** The totals per client, month and currency, to the cent, as the records keep them. */
export function billingTotals(view: ReportingView, filter: BillingFilter = {}): BillingTotal[] {
  const totals: BillingTotal[] = [];
  for (const record of view.steering.billing.values())
    for (const total of record.totals) if (matches(filter, total.clientId, total.month)) totals.push(total);
  return totals.sort((a, b) => a.clientId.localeCompare(b.clientId) || a.month.localeCompare(b.month));
}

/** Time on billable tickets that no price list priced yet: listed aside, never in the totals. */
export function unpricedTime(view: ReportingView, filter: BillingFilter = {}): UnpricedTime[] {
  const rows: UnpricedTime[] = [];
  for (const record of view.steering.billing.values())
    for (const time of record.unpriced) if (matches(filter, time.clientId, time.on)) rows.push(time);
  return rows.sort((a, b) => a.clientId.localeCompare(b.clientId) || a.on.localeCompare(b.on));
}
