import type { RecordedEvent } from '../port/envelope.ts';
import type { ChangeSignal } from './change-signal.ts';
import type { LogRow, LogSource } from './polling-subscription.ts';

export interface LogTailOptions {
  /** Rows read from the log at once. */
  pageSize: number;
  /**
   * Rows kept for the subscriptions that follow (up to twice as many between two trims, which
   * move the array once per `windowSize` rows rather than at every page); a subscription
   * further behind reads the log by itself.
   */
  windowSize: number;
}

/** A page as a subscription reads it, and the rows kept for all of them (a few MB of events). */
export const subscriptionPaging: LogTailOptions = { pageSize: 256, windowSize: 4096 };

/**
 * The latest rows of a store's global log, read once for all its subscriptions: a process holds
 * about ten, and each reading every row of the log by itself cost ten statements and ten decoded
 * rows per event. A subscription asks for the rows after its own position, at its own pace: a
 * slow handler holds back only its subscription, never the others nor the memory. The window of
 * rows kept is bounded; a subscription that falls behind it (a slow projection, a catch-up from
 * the start) reads its pages from the log by itself, as all did before, until it is back in it.
 * The window follows the subscriptions ahead: one at its end reads the next page for everyone
 * (one past it, starting at the head, moves the window there), unless the log was read to its end since the last commit: each subscription
 * looks for more once it handled a page, and those looks cost a statement each otherwise.
 * Rows are not copied: a subscription must not alter the rows it is given, nor their events.
 */
export class LogTail<Row extends LogRow> implements LogSource<Row> {
  #log: LogSource<Row>;
  #options: LogTailOptions;
  #rows: Row[] = [];
  /**
   * Each kept row's event once decoded, at the row's index. Not a WeakMap from row to event: V8
   * marks a WeakMap's entries in the atomic pause of major collections (ephemerons), and with
   * thousands of rows a second it made those pauses longer.
   */
  #events: (RecordedEvent | undefined)[] = [];
  /** The window holds every row of the log after `#from` up to `#to` included; none before the first read. */
  #from = -1n;
  #to = -1n;
  /** The change generation at which a read found the log ending at `#to`. */
  #endSeenAt: number | undefined;

  constructor(log: LogSource<Row>, options: LogTailOptions) {
    this.#log = log;
    this.#options = options;
  }

  get changes(): ChangeSignal {
    return this.#log.changes;
  }

  /**
   * The row's event, decoded once for every subscription handed that row: they all get the same
   * object (which none may alter), so that whatever they derive from it (a domain registry's
   * `parseStored`) is derived once too. A row no longer kept (or never: a page read from behind the
   * window) is decoded again.
   */
  toEvent(row: Row): RecordedEvent {
    const index = this.#indexFrom(row.position, false);
    if (this.#rows[index] !== row) return this.#log.toEvent(row);
    let event = this.#events[index];
    if (event === undefined) {
      event = this.#log.toEvent(row);
      this.#events[index] = event;
    }
    return event;
  }

  /** Up to `limit` rows after `after`, in position order; none when the log ends there. */
  readPage(after: bigint, limit: number): Row[] {
    if (after >= this.#from && after < this.#to) return this.#kept(after, limit);
    if (after === this.#to && this.#endSeenAt === this.changes.generation) return [];
    const generation = this.changes.generation;
    // Behind the window, a page of its own; at its end or past it, a page for everyone.
    const asked = after < this.#from ? limit : Math.max(limit, this.#options.pageSize);
    const rows = this.#log.readPage(after, asked);
    if (after > this.#to) {
      this.#rows = [];
      this.#events = [];
      this.#from = after;
      this.#to = after;
    }
    // The read holds every row after `after`: those past the window's end follow it. Extending
    // the window with a page read from behind it keeps that reader from landing past its end,
    // where it would move the window away from the others.
    const last = rows.at(-1);
    if (last !== undefined && last.position > this.#to) {
      for (const row of rows) {
        if (row.position <= this.#to) continue;
        this.#rows.push(row);
        this.#events.push(undefined);
      }
      this.#to = last.position;
      this.#endSeenAt = undefined;
    }
    if (rows.length < asked) this.#endSeenAt = generation;
    this.#trim();
    return rows.length > limit ? rows.slice(0, limit) : rows;
  }

  #kept(after: bigint, limit: number): Row[] {
    // Positions may have gaps, and a checkpoint need not be a row.
    const first = this.#indexFrom(after, true);
    return this.#rows.slice(first, first + limit);
  }

  /** The index of the first kept row at `position` or past it (`past`: strictly past it). */
  #indexFrom(position: bigint, past: boolean): number {
    let low = 0;
    let high = this.#rows.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const at = (this.#rows[middle] as Row).position;
      if (at < position || (past && at === position)) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  #trim(): void {
    if (this.#rows.length <= 2 * this.#options.windowSize) return;
    const excess = this.#rows.length - this.#options.windowSize;
    this.#from = (this.#rows[excess - 1] as Row).position;
    this.#rows.splice(0, excess);
    this.#events.splice(0, excess);
  }
}
