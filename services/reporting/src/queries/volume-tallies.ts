import type { Period } from '@hotline/domain';
import { civilMonthIndexOf, wholeMonthsOf } from './periods.ts';
import type { TicketEntry } from './reporting-view.ts';

export type VolumeDimension = 'product' | 'nature' | 'priority' | 'agent';

/** Where a ticket counts in the volumes: its reception's month and its value along each dimension. */
export interface TicketVolume {
  readonly month: number;
  readonly clientId: string | null;
  readonly product: string | null;
  readonly keys: readonly string[];
}

const keys = new Map<string, string>();

/** One string per dimension and value, whatever the number of tickets counted under it. */
export function volumeKey(dimension: VolumeDimension, value: string): string {
  const made = `${dimension}\u0000${value}`;
  let key = keys.get(made);
  if (key === undefined) {
    key = made;
    keys.set(made, key);
  }
  return key;
}

/** The values a ticket is counted under (the activity view's labels for a missing product or agent). */
export function volumeKeys(entry: TicketEntry): string[] {
  const { ticket } = entry.record;
  return [
    volumeKey('product', ticket.product ?? '(unknown)'),
    volumeKey('nature', ticket.nature),
    volumeKey('priority', ticket.priority),
    volumeKey('agent', ticket.assignee ?? '(unassigned)'),
  ];
}

/** Where a ticket counts: a function of its entry, so its former share is worked out again from its former entry. */
const volumeOf = (entry: TicketEntry): TicketVolume => ({
  month: civilMonthIndexOf(entry.receivedAt),
  clientId: entry.record.ticket.clientId ?? null,
  product: entry.record.ticket.product ?? null,
  keys: volumeKeys(entry),
});

type Counts = Map<string, number>;

function count(counts: Counts, key: string, sign: 1 | -1): void {
  const value = (counts.get(key) ?? 0) + sign;
  if (value === 0) counts.delete(key);
  else counts.set(key, value);
}

/**
 * Tickets received per civil month, by product, nature, priority and agent (and per client), kept
 * as tickets change: a period of whole months sums its months' counts instead of reading every ticket.
 */
export class VolumeTallies {
  /** Every product a ticket names, with the number of tickets that do. */
  readonly #products = new Map<string, number>();
  readonly #months = new Map<number, { readonly all: Counts; readonly byClient: Map<string, Counts> }>();

  clear(): void {
    this.#months.clear();
    this.#products.clear();
  }

  /** The products named by at least one ticket. */
  products(): Iterable<string> {
    return this.#products.keys();
  }

  /** A ticket's new entry: the share of its former entry (if any) taken out, the new one put in. */
  replace(previous: TicketEntry | undefined, entry: TicketEntry): void {
    if (previous !== undefined) this.#tally(volumeOf(previous), -1);
    this.#tally(volumeOf(entry), 1);
  }

  /** The counts of a period (of a client); null when the period is not whole months. */
  countsOf(period: Period, clientId?: string): Counts | null {
    const months = wholeMonthsOf(period);
    if (months === null) return null;
    const counts: Counts = new Map();
    for (let month = months.first; month < months.end; month++) {
      const bucket = this.#months.get(month);
      const part = clientId === undefined ? bucket?.all : bucket?.byClient.get(clientId);
      for (const [key, value] of part ?? []) counts.set(key, (counts.get(key) ?? 0) + value);
    }
    return counts;
  }

  #tally(volume: TicketVolume, sign: 1 | -1): void {
    if (volume.product !== null) count(this.#products, volume.product, sign);
    let bucket = this.#months.get(volume.month);
    if (bucket === undefined) {
      bucket = { all: new Map(), byClient: new Map() };
      this.#months.set(volume.month, bucket);
    }
    let client: Counts | undefined;
    if (volume.clientId !== null) {
      client = bucket.byClient.get(volume.clientId);
      if (client === undefined) {
        client = new Map();
        bucket.byClient.set(volume.clientId, client);
      }
    }
    for (const key of volume.keys) {
      count(bucket.all, key, sign);
      if (client !== undefined) count(client, key, sign);
    }
  }
}
