/** Money is an integer number of cents in the contract's currency (DOMAIN.md, "Penalties"). */
export type Cents = number;

/**
 * `percent` % of `amount`, rounded half up to the cent. Percentages have four decimals at most, so they
 * are exact in parts per million; BigInt keeps large fees exact too.
 */
export function percentOf(amount: Cents, percent: number): Cents {
  const ppm = BigInt(Math.round(percent * 10_000));
  const numerator = BigInt(amount) * ppm;
  return Number((numerator + 500_000n) / 1_000_000n);
}

/** `1 234,56 €` in French, `€1,234.56` in English: for people, never for storage. */
export function formatMoney(amount: Cents, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount / 100);
}
