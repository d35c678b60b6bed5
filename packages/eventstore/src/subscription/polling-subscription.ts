import type { RecordedEvent } from '../port/envelope.ts';
import { type EventHandler, matchesFilter, type SubscribeOptions, type Subscription } from '../port/subscription.ts';
import type { ChangeSignal } from './change-signal.ts';
import { PositionWaiters } from './position-waiters.ts';

/** A row of the global log, before its data is parsed: enough to filter it. */
export interface LogRow {
  position: bigint;
  stream: string;
  type: string;
}

/** The global log as a subscription reads it, page after page. */
export interface LogSource<Row extends LogRow> {
  readPage(after: bigint, limit: number): Row[];
  toEvent(row: Row): RecordedEvent;
  readonly changes: ChangeSignal;
}

export interface PollingOptions {
  /** Rows read at once; the handler sees them one by one. */
  pageSize: number;
  /** How long to wait for a commit notification before reading again (other processes do not notify). */
  pollIntervalMs: number;
}

/**
 * A catch-up subscription over a local log: reads a page after its position, hands the
 * matching events to the handler one at a time, and reads the next page only then (so a slow
 * handler holds back the reading, never a growing buffer). At the end of the log it waits for a
 * commit notification or the poll interval.
 */
export class PollingSubscription<Row extends LogRow> implements Subscription {
  readonly done: Promise<void>;
  #position: bigint;
  #stopped = false;
  #waiters = new PositionWaiters();
  #source: LogSource<Row>;

  constructor(source: LogSource<Row>, handler: EventHandler, options: SubscribeOptions, polling: PollingOptions) {
    this.#source = source;
    this.#position = options.after ?? 0n;
    this.done = this.#run(handler, options, polling);
    // `done` is for whoever wants it; an unobserved failure must not crash the process.
    this.done.catch(() => {});
  }

  get position(): bigint {
    return this.#position;
  }

  waitFor(position: bigint, options?: { timeoutMs?: number }): Promise<void> {
    return this.#waiters.wait(this.#position, position, options?.timeoutMs);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#source.changes.notify();
    await this.done.catch(() => {});
  }

  async #run(handler: EventHandler, options: SubscribeOptions, polling: PollingOptions): Promise<void> {
    try {
      while (!this.#stopped) {
        const rows = this.#source.readPage(this.#position, polling.pageSize);
        if (rows.length === 0) {
          await this.#source.changes.wait(polling.pollIntervalMs);
          continue;
        }
        for (const row of rows) {
          if (this.#stopped) break;
          if (matchesFilter(options.filter, row.stream, row.type)) await handler(this.#source.toEvent(row));
          this.#position = row.position;
          this.#waiters.advance(row.position);
        }
      }
      this.#waiters.fail(new Error('the subscription was stopped'));
    } catch (error) {
      this.#stopped = true;
      this.#waiters.fail(error as Error);
      throw error;
    }
  }
}
