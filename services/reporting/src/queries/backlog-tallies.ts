import type { TicketRecord } from '../projections/ticket-record.ts';

/** The intervals a ticket was open (not resolved, not ended): a reopening opens another one. */
export function openIntervals(record: TicketRecord): [number, number][] {
  const intervals: [number, number][] = [];
  let openedAt: number | null = null;
  for (const fact of record.facts) {
    if (fact.kind === 'received' || fact.kind === 'reopened') openedAt ??= fact.at;
    if ((fact.kind === 'resolved' || fact.kind === 'stopped') && openedAt !== null) {
      intervals.push([openedAt, fact.at]);
      openedAt = null;
    }
  }
  if (openedAt !== null) intervals.push([openedAt, Number.POSITIVE_INFINITY]);
  return intervals;
}

/**
 * Instants in ascending order, as a multiset. Changes wait until the next count, then are merged in
 * at once (a sort of the few that came, one pass over the rest): a start adds every ticket in one
 * sort, and a live change costs one pass at the next query rather than a shift of the array each.
 */
class SortedInstants {
  #sorted: number[] = [];
  #added: number[] = [];
  #removed: number[] = [];

  add(at: number): void {
    this.#added.push(at);
  }

  /** Takes out one occurrence of an instant added before. */
  remove(at: number): void {
    this.#removed.push(at);
  }

  /** How many instants are at or before `at`. */
  countUpTo(at: number): number {
    this.#settle();
    const sorted = this.#sorted;
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (sorted[middle]! <= at) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  #settle(): void {
    if (this.#added.length === 0 && this.#removed.length === 0) return;
    const added = this.#added.sort((a, b) => a - b);
    const removed = this.#removed.sort((a, b) => a - b);
    const sorted = this.#sorted;
    const merged: number[] = [];
    let next = 0;
    let gone = 0;
    const keep = (value: number) => {
      // Both lists ascend: a removal matches the first equal value met.
      while (gone < removed.length && removed[gone]! < value) gone++;
      if (gone < removed.length && removed[gone] === value) gone++;
      else merged.push(value);
    };
    for (const value of sorted) {
      while (next < added.length && added[next]! < value) keep(added[next++]!);
      keep(value);
    }
    while (next < added.length) keep(added[next++]!);
    this.#sorted = merged;
    this.#added = [];
    this.#removed = [];
  }
}

interface Instants {
  readonly openings: SortedInstants;
  readonly closings: SortedInstants;
}

const noInstants = (): Instants => ({ openings: new SortedInstants(), closings: new SortedInstants() });

/**
 * Every ticket's openings and closings, kept in ascending order (for the hotline and per client) as
 * tickets change: the backlog at an instant is the openings up to it less the closings up to it, two
 * binary searches, whatever the number of tickets.
 */
export class BacklogTallies {
  #all = noInstants();
  readonly #byClient = new Map<string, Instants>();

  clear(): void {
    this.#all = noInstants();
    this.#byClient.clear();
  }

  /** A ticket's new record: the intervals of its former record (if any) taken out, the new ones put in. */
  replace(previous: TicketRecord | undefined, record: TicketRecord): void {
    if (previous !== undefined) this.#tally(previous.ticket.clientId ?? null, openIntervals(previous), -1);
    this.#tally(record.ticket.clientId ?? null, openIntervals(record), 1);
  }

  /** Tickets open at `at` (opened at or before it, not closed at or before it), of a client. */
  openAt(at: number, clientId?: string): number {
    const instants = clientId === undefined ? this.#all : this.#byClient.get(clientId);
    if (instants === undefined) return 0;
    return instants.openings.countUpTo(at) - instants.closings.countUpTo(at);
  }

  #tally(clientId: string | null, intervals: readonly [number, number][], sign: 1 | -1): void {
    let client: Instants | undefined;
    if (clientId !== null) {
      client = this.#byClient.get(clientId);
      if (client === undefined) {
        client = noInstants();
        this.#byClient.set(clientId, client);
      }
    }
    for (const [from, to] of intervals) {
      for (const instants of client === undefined ? [this.#all] : [this.#all, client]) {
        if (sign === 1) instants.openings.add(from);
        else instants.openings.remove(from);
        if (!Number.isFinite(to)) continue;
        if (sign === 1) instants.closings.add(to);
        else instants.closings.remove(to);
      }
    }
  }
}
