import { civilMonth, civilYear, type Period } from '@hotline/domain';

const years = new Map<number, Period>();

/** The civil year (Europe/Paris) as the indicators count it; memoised, since every view asks often. */
export function yearPeriod(year: number): Period {
  let period = years.get(year);
  if (period === undefined) {
    period = civilYear(year);
    years.set(year, period);
  }
  return period;
}

/** The civil year that holds an instant. */
export function civilYearOf(at: number): number {
  const guess = new Date(at).getUTCFullYear();
  if (at >= yearPeriod(guess + 1).start) return guess + 1;
  if (at < yearPeriod(guess).start) return guess - 1;
  return guess;
}

export interface ReportingPeriod extends Period {
  /** `2026`, `2026-05`, or `from/to` as given. */
  readonly label: string;
}

export interface PeriodParameters {
  readonly year?: number | undefined;
  readonly month?: number | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

/** A civil year, a month of it, or explicit instants; the current civil year by default. */
export function reportingPeriod(parameters: PeriodParameters, now: number): ReportingPeriod {
  const { year, month, from, to } = parameters;
  if (from !== undefined || to !== undefined) {
    const start = from === undefined ? Number.NEGATIVE_INFINITY : Date.parse(from);
    const end = to === undefined ? Number.POSITIVE_INFINITY : Date.parse(to);
    return { start, end, label: `${from ?? ''}/${to ?? ''}` };
  }
  const chosenYear = year ?? civilYearOf(now);
  if (month !== undefined) {
    return { ...civilMonth(chosenYear, month), label: `${chosenYear}-${String(month).padStart(2, '0')}` };
  }
  return { ...yearPeriod(chosenYear), label: String(chosenYear) };
}

export const inPeriod = (period: Period, at: number | null): at is number =>
  at !== null && period.start <= at && at < period.end;

const months = new Map<number, Period>();

/** A civil month (Europe/Paris) by its index, `year × 12 + month − 1`; memoised like the years. */
export function monthPeriod(index: number): Period {
  let period = months.get(index);
  if (period === undefined) {
    period = civilMonth(Math.floor(index / 12), (index % 12) + 1);
    months.set(index, period);
  }
  return period;
}

/** The index of the civil month that holds an instant: the buckets of the settled tickets' tallies. */
export function civilMonthIndexOf(at: number): number {
  const date = new Date(at);
  const guess = date.getUTCFullYear() * 12 + date.getUTCMonth();
  if (at >= monthPeriod(guess + 1).start) return guess + 1;
  if (at < monthPeriod(guess).start) return guess - 1;
  return guess;
}

/** The months a period is made of, when it is whole civil months (a year, a month); else null. */
export function wholeMonthsOf(period: Period): { readonly first: number; readonly end: number } | null {
  if (!Number.isFinite(period.start) || !Number.isFinite(period.end)) return null;
  const first = civilMonthIndexOf(period.start);
  const end = civilMonthIndexOf(period.end);
  return monthPeriod(first).start === period.start && monthPeriod(end).start === period.end ? { first, end } : null;
}
