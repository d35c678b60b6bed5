import { describe, expect, it } from 'vitest';
import type { PriceList } from './price-list.ts';
import { priceItem, priceOfTime } from './pricing.ts';

const list: PriceList = {
  validFrom: '2026-01-01',
  currency: 'EUR',
  hourlyRates: [
    { workKind: 'malfunction', rateCents: 9_500 },
    { workKind: 'on_site', rateCents: 12_000 },
  ],
  fixedPrices: [{ service: 'install', label: 'Installation of a version', priceCents: 150_000 }],
};

describe('pricing to the cent', () => {
  it.each([
    [60, 9_500, 9_500],
    [10, 9_500, 1_583], // 1583.33…
    [20, 9_500, 3_167], // 3166.66…
    [90, 9_500, 14_250],
    [1, 30, 1], // 0.5 cent: half up
    [1, 29, 0], // 0.48 cent
    [3, 10, 1], // 0.5 cent again
    [45, 12_345, 9_259], // 9258.75
    [525_600, 100_000_000, 876_000_000_000], // a year of minutes at a million an hour: still exact
  ])('%i minutes at %i cents an hour are %i cents', (minutes, rate, amount) => {
    expect(priceOfTime(minutes, rate)).toBe(amount);
  });

  it('prices time at the rate of its kind of work, a service at its fixed price', () => {
    expect(priceItem(list, { kind: 'time', workKind: 'malfunction', minutes: 10 })).toEqual({
      ok: true,
      value: { kind: 'time', workKind: 'malfunction', minutes: 10, rateCents: 9_500, amountCents: 1_583 },
    });
    expect(priceItem(list, { kind: 'fixed', service: 'install' })).toEqual({
      ok: true,
      value: { kind: 'fixed', service: 'install', label: 'Installation of a version', amountCents: 150_000 },
    });
  });

  it('refuses a kind of work or a service the list does not price', () => {
    expect(priceItem(list, { kind: 'time', workKind: 'functional', minutes: 10 })).toMatchObject({
      ok: false,
      code: 'billing.no_rate',
    });
    expect(priceItem(list, { kind: 'fixed', service: 'audit' })).toMatchObject({
      ok: false,
      code: 'billing.no_fixed_price',
    });
  });

  it('refuses an amount too large to stay exact', () => {
    const huge: PriceList = { ...list, hourlyRates: [{ workKind: 'on_site', rateCents: Number.MAX_SAFE_INTEGER }] };
    expect(priceItem(huge, { kind: 'time', workKind: 'on_site', minutes: 120 })).toMatchObject({
      ok: false,
      code: 'billing.amount_out_of_range',
    });
  });

  it('rounds each item on its own: three 10-minute items are 3 × 15.83 €, not 47.50 €', () => {
    const items = [10, 10, 10].map((minutes) => priceOfTime(minutes, 9_500));
    expect(items.reduce((sum, amount) => sum + amount, 0)).toBe(4_749);
    expect(priceOfTime(30, 9_500)).toBe(4_750);
  });
});
