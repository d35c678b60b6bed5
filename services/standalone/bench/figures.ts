// Percentiles, rates, slopes and the table the run prints. The other benches each keep their own
// small versions of these (packages/eventstore/bench/rounds.ts, services/reporting/bench/run.ts,
// packages/messaging/bench/run.ts); no package shares them yet, so this one does not import theirs.

export interface Spread {
  readonly count: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

/** The nearest-rank percentile: the smallest sample with at least `share` of the samples at or below it. */
export function percentile(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))]!;
}

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** Least-squares slope of `value` against time, per minute: how fast a gauge drifts over the run. */
export function slopePerMinute(samples: readonly { readonly at: number; readonly value: number }[]): number {
  if (samples.length < 2) return Number.NaN;
  const meanAt = samples.reduce((sum, s) => sum + s.at, 0) / samples.length;
  const meanValue = samples.reduce((sum, s) => sum + s.value, 0) / samples.length;
  let covariance = 0;
  let variance = 0;
  for (const s of samples) {
    covariance += (s.at - meanAt) * (s.value - meanValue);
    variance += (s.at - meanAt) ** 2;
  }
  return variance === 0 ? 0 : (covariance / variance) * 60_000;
}

/** The sum of counts kept by name (dead letters per topic, messages behind per group). */
export const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, count) => sum + count, 0);
export const ms = (value: number) =>
  Number.isNaN(value) ? '—' : `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
export const perSecond = (value: number) => `${Math.round(value).toLocaleString('en-US')} /s`;
export const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(0)} MB`;
export const latencies = (s: Spread) => `p50 ${ms(s.p50)}, p99 ${ms(s.p99)}`;
export const ratio = (value: number, base: number) => `${Math.round((value / base) * 100)}% of the baseline`;

export interface Row {
  readonly what: string;
  readonly figure: string;
  readonly note: string;
}

/** A markdown table, as packages/messaging's bench prints it. */
export function table(rows: readonly Row[]): string {
  const width = (key: keyof Row) => Math.max(key.length, ...rows.map((row) => row[key].length));
  const line = (row: Row) =>
    `| ${row.what.padEnd(width('what'))} | ${row.figure.padEnd(width('figure'))} | ${row.note.padEnd(width('note'))} |`;
  return [
    line({ what: 'what', figure: 'figure', note: 'note' }),
    `|${'-'.repeat(width('what') + 2)}|${'-'.repeat(width('figure') + 2)}|${'-'.repeat(width('note') + 2)}|`,
    ...rows.map(line),
  ].join('\n');
}
