/**
 * A half-open span of time [start, end) in epoch milliseconds. `end` may be
 * `Number.POSITIVE_INFINITY`: a pause that has not ended yet.
 */
export interface Interval {
  readonly start: number;
  readonly end: number;
}

/**
 * Sorts pauses and merges the ones that overlap or touch, so that each instant is
 * subtracted once however the caller recorded them. Empty pauses are dropped.
 */
export function normalizePauses(pauses: readonly Interval[]): Interval[] {
  const sorted = pauses
    .filter((pause) => {
      if (Number.isNaN(pause.start) || Number.isNaN(pause.end)) {
        throw new RangeError(`pause bounds must be numbers, got [${pause.start}, ${pause.end})`);
      }
      return pause.end > pause.start;
    })
    .sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const pause of sorted) {
    const last = merged.at(-1);
    if (last !== undefined && pause.start <= last.end) {
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, pause.end) };
    } else {
      merged.push({ start: pause.start, end: pause.end });
    }
  }
  return merged;
}
