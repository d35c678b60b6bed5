import type { Period, SlaTargetName, TargetClock } from '@hotline/domain';
import { civilMonthIndexOf, wholeMonthsOf } from './periods.ts';
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

/** The samples of one client, one month and one milestone. */
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

const emptyBucket = (): SampleBucket => ({ elapsed: [], counted: [], met: 0, breached: 0 });

function remove(values: number[], value: number): void {
  const index = values.lastIndexOf(value);
  if (index < 0) return;
  values[index] = values[values.length - 1]!;
  values.pop();
}

/**
 * Processing-time samples per client and civil month of the milestone, kept as tickets change, so
 * that a period of whole months reads its buckets instead of judging every ticket. Samples are taken
 * once a ticket's milestones are reached; a query at an instant before some milestone (a clock set
 * back) cannot use them (`settledBy`).
 */
export class ProcessingTimeTallies {
  readonly #byTicket = new Map<string, TicketSamples>();
  readonly #clients = new Map<string, Map<number, { takeCharge: SampleBucket; resolution: SampleBucket }>>();
  /** The latest milestone among the samples: queries from then on may read the buckets. */
  #settledBy = Number.NEGATIVE_INFINITY;

  get settledBy(): number {
    return this.#settledBy;
  }

  clear(): void {
    this.#byTicket.clear();
    this.#clients.clear();
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

  /** Per client, the buckets of the months of a period; null when the period is not whole months. */
  bucketsOf(period: Period, clientId?: string): Map<string, ClientBuckets> | null {
    const months = wholeMonthsOf(period);
    if (months === null) return null;
    const result = new Map<string, ClientBuckets>();
    const clients = clientId === undefined ? this.#clients : new Map([[clientId, this.#clients.get(clientId)]]);
    for (const [client, byMonth] of clients) {
      if (byMonth === undefined) continue;
      const buckets: ClientBuckets = { takeCharge: [], resolution: [] };
      for (let month = months.first; month < months.end; month++) {
        const bucket = byMonth.get(month);
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
      const bucket = this.#bucket(samples.clientId, civilMonthIndexOf(sample.at))[kind];
      if (sign === 1) {
        bucket.elapsed.push(sample.elapsed);
        if (sample.counted !== null) bucket.counted.push(sample.counted);
      } else {
        remove(bucket.elapsed, sample.elapsed);
        if (sample.counted !== null) remove(bucket.counted, sample.counted);
      }
      if (sample.met) bucket.met += sign;
      if (sample.breached) bucket.breached += sign;
    }
  }

  #bucket(clientId: string, month: number) {
    let byMonth = this.#clients.get(clientId);
    if (byMonth === undefined) {
      byMonth = new Map();
      this.#clients.set(clientId, byMonth);
    }
    let bucket = byMonth.get(month);
    if (bucket === undefined) {
      bucket = { takeCharge: emptyBucket(), resolution: emptyBucket() };
      byMonth.set(month, bucket);
    }
    return bucket;
  }
}
