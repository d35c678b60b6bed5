import { closeSync, fdatasync, openSync } from 'node:fs';

interface Waiter {
  /** The write it waits for: the n-th call of `durable()`. */
  readonly write: number;
  resolve(): void;
  reject(error: Error): void;
}

/** Syncs under way at once: a write waits for one fsync, not for the one running to end first. */
const MAX_IN_FLIGHT = 2;

/**
 * The fsync of a WAL file on libuv's thread pool rather than in the commit on the event loop.
 * `durable()` resolves once everything written to the file before the call is on disk. An fsync
 * covers every write made before it began, whichever of the syncs under way ends first: a call
 * starts one at once when fewer than two run, and otherwise waits for the next to begin, which
 * every call made meanwhile shares. An fsync that failed leaves the file's state on disk unknown
 * (the kernel may have dropped the dirty pages it could not write), so every later call fails
 * too: the process must start again and let SQLite recover from what the disk holds.
 */
export class WalSync {
  #fd: number;
  #written = 0;
  #synced = 0;
  /** The last write a sync under way or done covers. */
  #started = 0;
  #inFlight = 0;
  #waiters: Waiter[] = [];
  #idle: (() => void) | undefined;
  #failure: Error | undefined;

  constructor(walFile: string) {
    // SQLite created it when the connection first read the database in WAL mode; 'a' in case a
    // caller opens this before then (SQLite opens an existing empty WAL as it would its own).
    this.#fd = openSync(walFile, 'a');
  }

  durable(): Promise<void> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    const write = ++this.#written;
    const durable = new Promise<void>((resolve, reject) => this.#waiters.push({ write, resolve, reject }));
    if (this.#inFlight < MAX_IN_FLIGHT) this.#start();
    return durable;
  }

  /** Waits for the syncs asked for, then lets the file go. */
  async close(): Promise<void> {
    if (this.#inFlight > 0) await new Promise<void>((resolve) => (this.#idle = resolve));
    closeSync(this.#fd);
  }

  #start(): void {
    const covers = this.#written;
    this.#started = covers;
    this.#inFlight += 1;
    fdatasync(this.#fd, (error) => {
      this.#inFlight -= 1;
      if (error !== null) this.#fail(error);
      else if (covers > this.#synced) this.#synced = covers;
      const waiting = this.#waiters;
      this.#waiters = [];
      for (const waiter of waiting) {
        if (this.#failure !== undefined) waiter.reject(this.#failure);
        else if (waiter.write <= this.#synced) waiter.resolve();
        else this.#waiters.push(waiter);
      }
      // Writes made while every slot was taken: the next sync is theirs.
      if (this.#failure === undefined && this.#written > this.#started && this.#inFlight < MAX_IN_FLIGHT) this.#start();
      if (this.#inFlight === 0) this.#idle?.();
    });
  }

  #fail(error: Error): void {
    this.#failure ??= new Error(
      `the event store's file could not be made durable (fdatasync: ${error.message}); nothing more is acknowledged, restart the process`,
      { cause: error },
    );
  }
}
