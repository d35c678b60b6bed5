/**
 * The open intervals of one local year of a calendar, in epoch ms, sorted and
 * disjoint, with the prefix sums of their lengths: open time up to any instant is a
 * binary search away, whatever the horizon.
 */
export interface YearTable {
  /** The local year's first instant (inclusive) and the next year's first (exclusive). */
  readonly start: number;
  readonly end: number;
  readonly opens: Float64Array;
  readonly closes: Float64Array;
  /** `before[i]`: open time of the year before interval i; `before[n]` is the year's total. */
  readonly before: Float64Array;
}

/** Builds the table from sorted intervals; touching or overlapping ones are merged. */
export function yearTable(start: number, end: number, opens: readonly number[], closes: readonly number[]): YearTable {
  const mergedOpens: number[] = [];
  const mergedCloses: number[] = [];
  for (let i = 0; i < opens.length; i++) {
    const open = Math.max(opens[i]!, start);
    const close = Math.min(closes[i]!, end);
    if (close <= open) continue;
    const last = mergedCloses.length - 1;
    if (last >= 0 && open <= mergedCloses[last]!) mergedCloses[last] = Math.max(mergedCloses[last]!, close);
    else {
      mergedOpens.push(open);
      mergedCloses.push(close);
    }
  }
  const before = new Float64Array(mergedOpens.length + 1);
  for (let i = 0; i < mergedOpens.length; i++) before[i + 1] = before[i]! + mergedCloses[i]! - mergedOpens[i]!;
  return { start, end, opens: Float64Array.from(mergedOpens), closes: Float64Array.from(mergedCloses), before };
}

export function totalOpenTime(table: YearTable): number {
  return table.before[table.opens.length]!;
}

/** Index of the last interval opening at or before `instant`, or -1. */
function lastOpeningAtOrBefore(table: YearTable, instant: number): number {
  let low = 0;
  let high = table.opens.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (table.opens[middle]! <= instant) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/** Open time in [table.start, instant). */
export function openTimeBefore(table: YearTable, instant: number): number {
  const i = lastOpeningAtOrBefore(table, instant);
  if (i < 0) return 0;
  return table.before[i]! + Math.min(instant, table.closes[i]!) - table.opens[i]!;
}

/**
 * The earliest instant at which the year's open time reaches `amount`, for
 * 0 < amount <= total: it lies in (opens[i], closes[i]], so a duration that completes
 * at closing time is due at closing time.
 */
export function instantReaching(table: YearTable, amount: number): number {
  let low = 0;
  let high = table.opens.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (table.before[middle + 1]! >= amount) high = middle;
    else low = middle + 1;
  }
  return table.opens[low]! + (amount - table.before[low]!);
}

export function isOpenIn(table: YearTable, instant: number): boolean {
  const i = lastOpeningAtOrBefore(table, instant);
  return i >= 0 && instant < table.closes[i]!;
}

/** Open intervals of the year that meet [from, to), clipped to it. */
export function intervalsIn(table: YearTable, from: number, to: number): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (let i = Math.max(0, lastOpeningAtOrBefore(table, from)); i < table.opens.length; i++) {
    const start = Math.max(table.opens[i]!, from);
    const end = Math.min(table.closes[i]!, to);
    if (table.opens[i]! >= to) break;
    if (end > start) found.push({ start, end });
  }
  return found;
}
