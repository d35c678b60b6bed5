import type { Period, SlaTargetName, TargetClock } from '@hotline/domain';
import { civilMonthIndexOf, civilYearOf, wholeMonthsOf, yearPeriod } from './periods.ts';
import type { TicketEntry } from './reporting-view.ts';

/** One milestone of a ticket as the processing-time statistics count it. */
export interface TimeSample {
  /** When the milestone was reached: what places it in a period. */
  readonly at: number;
  /** Wall clock from reception. */
  readonly elapsed: number;
  /** The target's counted time; null when the ticket has no such target. */
  readonly counted: number | null;
  readonly met: boolean;
  readonly breached: boolean;
}

export interface TicketSamples {
  readonly clientId: string;
  readonly takeCharge: TimeSample | null;
  readonly resolution: TimeSample | null;
}

/** When a ticket's samples stop moving with the instant they are judged at: once both milestones are reached. */
export function samplesSettleAt(entry: TicketEntry): number {
  const takenAt = takeChargeAt(entry);
  return Math.max(takenAt ?? Number.NEGATIVE_INFINITY, entry.resolvedAt ?? Number.NEGATIVE_INFINITY);
}

export const takeChargeAt = (entry: TicketEntry): number | null => {
  const at = entry.record.ticket.milestones.takeCharge;
  return at === undefined ? null : Date.parse(at);
};

/** Whether a ticket counts in the statistics at all: a client's, neither rejected nor cancelled, as in the indicators. */
export function countsInProcessingTimes(entry: TicketEntry): boolean {
  const { ticket } = entry.record;
  return ticket.clientId !== undefined && ticket.status !== 'rejected' && ticket.status !== 'cancelled';
}

/** A ticket's take-charge and resolution samples from its targets as judged (at or after both milestones). */
export function ticketSamples(entry: TicketEntry, targets: readonly TargetClock[]): TicketSamples {
  const sample = (name: SlaTargetName, reachedAt: number | null): TimeSample | null => {
    if (reachedAt === null) return null;
    const target = targets.find((each) => each.target === name);
    return {
      at: reachedAt,
      elapsed: reachedAt - entry.receivedAt,
      counted: target === undefined ? null : target.countedMs,
      met: target?.status === 'met',
      breached: target?.status === 'breached',
    };
  };
  return {
    clientId: entry.record.ticket.clientId!,
    takeCharge: sample('takeCharge', takeChargeAt(entry)),
    resolution: sample('resolution', entry.resolvedAt),
  };
}

/** The samples of one client, one period (a civil month or year) and one milestone, in ascending order. */
export interface SampleBucket {
  readonly elapsed: number[];
  readonly counted: number[];
  met: number;
  breached: number;
}

export interface ClientBuckets {
  readonly takeCharge: SampleBucket[];
  readonly resolution: SampleBucket[];
}

interface MilestoneBuckets {
  readonly takeCharge: SampleBucket;
  readonly resolution: SampleBucket;
}

const emptyBuckets = (): MilestoneBuckets => ({
  takeCharge: { elapsed: [], counted: [], met: 0, breached: 0 },
  resolution: { elapsed: [], counted: [], met: 0, breached: 0 },
});

/** Where a value goes in an ascending list: after every value not above it. */
function insertionIndex(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function insert(sorted: number[], value: number): void {
  sorted.splice(insertionIndex(sorted, value), 0, value);
}

function remove(sorted: number[], value: number): void {
  const index = insertionIndex(sorted, value) - 1;
  if (index >= 0 && sorted[index] === value) sorted.splice(index, 1);
}

/**
 * Processing-time samples per client, civil month and civil year of the milestone, each kept in
 * ascending order as tickets change: a month or a year reads its medians and percentiles directly,
 * other whole months merge their months. Samples are taken once a ticket's milestones are reached;
 * a query at an instant before some milestone (a clock set back) cannot use them (`settledBy`).
 */
export class ProcessingTimeTallies {
  readonly #byTicket = new Map<string, TicketSamples>();
  readonly #months = new Map<string, Map<number, MilestoneBuckets>>();
  readonly #years = new Map<string, Map<number, MilestoneBuckets>>();
  /** The latest milestone among the samples: queries from then on may read the buckets. */
  #settledBy = Number.NEGATIVE_INFINITY;

  get settledBy(): number {
    return this.#settledBy;
  }

  clear(): void {
    this.#byTicket.clear();
    this.#months.clear();
    this.#years.clear();
    this.#settledBy = Number.NEGATIVE_INFINITY;
  }

  put(ticketId: string, samples: TicketSamples): void {
    this.#byTicket.set(ticketId, samples);
    this.#tally(samples, 1);
  }

  takeOut(ticketId: string): void {
    const samples = this.#byTicket.get(ticketId);
    if (samples === undefined) return;
    this.#byTicket.delete(ticketId);
    this.#tally(samples, -1);
  }

  /** Per client, the buckets a period is made of; null when the period is not whole months. */
  bucketsOf(period: Period, clientId?: string): Map<string, ClientBuckets> | null {
    const months = wholeMonthsOf(period);
    if (months === null) return null;
    const year = civilYearOf(period.start);
    const wholeYear = yearPeriod(year).start === period.start && yearPeriod(year).end === period.end;
    const [index, keys] = wholeYear ? [this.#years, [year]] : [this.#months, monthRange(months.first, months.end)];
    const result = new Map<string, ClientBuckets>();
    const clients = clientId === undefined ? index : new Map([[clientId, index.get(clientId)]]);
    for (const [client, byKey] of clients) {
      if (byKey === undefined) continue;
      const buckets: ClientBuckets = { takeCharge: [], resolution: [] };
      for (const key of keys) {
        const bucket = byKey.get(key);
        if (bucket === undefined) continue;
        if (bucket.takeCharge.elapsed.length > 0) buckets.takeCharge.push(bucket.takeCharge);
        if (bucket.resolution.elapsed.length > 0) buckets.resolution.push(bucket.resolution);
      }
      if (buckets.takeCharge.length > 0 || buckets.resolution.length > 0) result.set(client, buckets);
    }
    return result;
  }

  #tally(samples: TicketSamples, sign: 1 | -1): void {
    for (const kind of ['takeCharge', 'resolution'] as const) {
      const sample = samples[kind];
      if (sample === null) continue;
      if (sign === 1 && sample.at > this.#settledBy) this.#settledBy = sample.at;
      for (const [index, key] of [
        [this.#months, civilMonthIndexOf(sample.at)],
        [this.#years, civilYearOf(sample.at)],
      ] as const) {
        const bucket = bucketOf(index, samples.clientId, key)[kind];
        const change = sign === 1 ? insert : remove;
        change(bucket.elapsed, sample.elapsed);
        if (sample.counted !== null) change(bucket.counted, sample.counted);
        if (sample.met) bucket.met += sign;
        if (sample.breached) bucket.breached += sign;
      }
    }
  }
}

const monthRange = (first: number, end: number) =>
  Array.from({ length: Math.max(0, end - first) }, (_, i) => first + i);

function bucketOf(index: Map<string, Map<number, MilestoneBuckets>>, clientId: string, key: number): MilestoneBuckets {
  let byKey = index.get(clientId);
  if (byKey === undefined) {
    byKey = new Map();
    index.set(clientId, byKey);
  }
  let buckets = byKey.get(key);
  if (buckets === undefined) {
    buckets = emptyBuckets();
    byKey.set(key, buckets);
  }
  return buckets;
}
