import type { Cents } from '../penalty/money.ts';
import type { PriceList, WorkKind } from './price-list.ts';

/** What a billable item is priced by: time at an hourly rate, or a service at its fixed price. */
export type Pricing =
  | { readonly kind: 'time'; readonly workKind: WorkKind; readonly minutes: number }
  | { readonly kind: 'fixed'; readonly service: string };

/** How an item was priced, as its event records it, so an invoice line can say it. */
export type PricedItem =
  | {
      readonly kind: 'time';
      readonly workKind: WorkKind;
      readonly minutes: number;
      readonly rateCents: Cents;
      readonly amountCents: Cents;
    }
  | { readonly kind: 'fixed'; readonly service: string; readonly label: string; readonly amountCents: Cents };

export type PricingRefusal = {
  readonly code: 'billing.no_rate' | 'billing.no_fixed_price' | 'billing.amount_out_of_range';
  readonly why: string;
};

/**
 * `minutes` at `rateCents` an hour, rounded to the cent, half up, per item: 10 minutes at 95.00 €/h
 * are 1583.33… cents, billed 15.83 €; 1 minute at 0.30 €/h is 0.5 cent, billed 0.01 €. Each item is
 * rounded on its own, so a client's total is the sum of the lines on the invoice.
 */
export function priceOfTime(minutes: number, rateCents: Cents): Cents {
  const numerator = BigInt(minutes) * BigInt(rateCents);
  return Number((numerator + 30n) / 60n);
}

/** The item priced with the list in force: the rate of its kind of work, or the service's fixed price. */
export function priceItem(
  list: PriceList,
  pricing: Pricing,
): { ok: true; value: PricedItem } | ({ ok: false } & PricingRefusal) {
  if (pricing.kind === 'time') {
    const rate = list.hourlyRates.find((candidate) => candidate.workKind === pricing.workKind);
    if (rate === undefined) {
      return {
        ok: false,
        code: 'billing.no_rate',
        why: `the price list from ${list.validFrom} has no rate for ${pricing.workKind}`,
      };
    }
    const { workKind, minutes } = pricing;
    const amountCents = priceOfTime(minutes, rate.rateCents);
    // Beyond 2^53 cents an amount is no longer exact in JSON: such an item is a typing error, not a sale.
    if (!Number.isSafeInteger(amountCents)) {
      return { ok: false, code: 'billing.amount_out_of_range', why: `${minutes} minutes at ${rate.rateCents} an hour` };
    }
    return { ok: true, value: { kind: 'time', workKind, minutes, rateCents: rate.rateCents, amountCents } };
  }
  const fixed = list.fixedPrices.find((candidate) => candidate.service === pricing.service);
  if (fixed === undefined) {
    return {
      ok: false,
      code: 'billing.no_fixed_price',
      why: `the price list from ${list.validFrom} has no price for ${pricing.service}`,
    };
  }
  return {
    ok: true,
    value: { kind: 'fixed', service: fixed.service, label: fixed.label, amountCents: fixed.priceCents },
  };
}
