import type { ReportingView } from '../queries/reporting-view.ts';
import type { BilledItem, UnpricedTime } from './billing-record.ts';

export interface BillingFilter {
  readonly clientId?: string | undefined;
  /** `YYYY-MM`, or `YYYY` for a whole year: the month (or year) of the item's day `on`. */
  readonly month?: string | undefined;
}

export interface BillingLine extends BilledItem {
  /** `YYYY-MM` of `on`: the invoice the line goes on. */
  readonly month: string;
}

export interface BillingTotal {
  readonly clientId: string;
  readonly month: string;
  readonly currency: string;
  readonly items: number;
  readonly minutes: number;
  /** The sum of the items' amounts, each already rounded to the cent when recorded: exact in integers. */
  readonly amountCents: number;
}

const matches = (filter: BillingFilter, clientId: string, on: string) =>
  (filter.clientId === undefined || filter.clientId === clientId) &&
  (filter.month === undefined || on.startsWith(filter.month));

/** The items billed (per client, then month, then day), as invoicing reads them. */
export function billingLines(view: ReportingView, filter: BillingFilter = {}): BillingLine[] {
  const lines: BillingLine[] = [];
  for (const record of view.steering.billing.values()) {
    for (const item of record.items)
      if (matches(filter, item.clientId, item.on)) lines.push({ ...item, month: item.on.slice(0, 7) });
  }
  return lines.sort(
    (a, b) =>
      a.clientId.localeCompare(b.clientId) ||
      a.on.localeCompare(b.on) ||
      a.at.localeCompare(b.at) ||
      a.itemId.localeCompare(b.itemId),
  );
}

/** A total per client, month and currency, to the cent. */
export function billingTotals(view: ReportingView, filter: BillingFilter = {}): BillingTotal[] {
  const totals = new Map<string, BillingTotal>();
  for (const line of billingLines(view, filter)) {
    const key = `${line.clientId}\u0000${line.month}\u0000${line.currency}`;
    const total = totals.get(key) ?? {
      clientId: line.clientId,
      month: line.month,
      currency: line.currency,
      items: 0,
      minutes: 0,
      amountCents: 0,
    };
    totals.set(key, {
      ...total,
      items: total.items + 1,
      minutes: total.minutes + (line.minutes ?? 0),
      amountCents: total.amountCents + line.amountCents,
    });
  }
  return [...totals.values()];
}

/** Time on billable tickets that no price list priced yet: listed aside, never in the totals. */
export function unpricedTime(view: ReportingView, filter: BillingFilter = {}): UnpricedTime[] {
  const rows: UnpricedTime[] = [];
  for (const record of view.steering.billing.values())
    for (const time of record.unpriced) if (matches(filter, time.clientId, time.on)) rows.push(time);
  return rows.sort((a, b) => a.clientId.localeCompare(b.clientId) || a.on.localeCompare(b.on));
}
