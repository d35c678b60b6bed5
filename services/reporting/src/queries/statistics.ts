/** The median of a sample (the mean of the two middle values for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  return sortedMedian([...values].sort((a, b) => a - b));
}

/** Nearest-rank percentile: the smallest value at or above which `share` of the sample lies. */
export function percentile(values: readonly number[], share: number): number | null {
  return sortedPercentile(
    [...values].sort((a, b) => a - b),
    share,
  );
}

/** `median` of a sample already in ascending order. */
export function sortedMedian(sorted: ArrayLike<number>): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** `percentile` of a sample already in ascending order. */
export function sortedPercentile(sorted: ArrayLike<number>, share: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)]!;
}

export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
