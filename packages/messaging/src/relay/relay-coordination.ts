/**
 * The fencing token of a relay's term as the active relay: it grows with every new term, and the
 * checkpoint store refuses a write whose token is not the latest. A relay that lost its lease
 * without knowing it (a long GC pause, a network partition) may still publish a batch, harmless
 * duplicates, but it can never move the checkpoint, and it stands down at its first try.
 */
export type FenceToken = bigint;

export interface Lease {
  readonly token: FenceToken;
  /** Aborted when the lease could not be renewed: the relay must stop publishing. */
  readonly lost: AbortSignal;
  release(): Promise<void>;
}

/** Decides which relay is active; the others wait. */
export interface RelayLeadership {
  /** Resolves once this relay holds the lease (rejects with the signal's reason if aborted first). */
  acquire(signal: AbortSignal): Promise<Lease>;
}

/** Where the relay keeps the last position it published. */
export interface RelayCheckpoints {
  /** 0n when the relay never published: it starts at the beginning of the log. */
  load(): Promise<bigint>;
  /** Throws `FencedError` when `token` is not the latest term's; a position never moves back. */
  save(position: bigint, token: FenceToken): Promise<void>;
}

/** Leadership and checkpoints in one place, as the Redis and SQLite adapters keep them. */
export interface RelayCoordination extends RelayLeadership, RelayCheckpoints {}

export class FencedError extends Error {
  readonly code = 'relay.fenced';

  constructor(token: FenceToken) {
    super(`Fencing token ${token} is stale: another relay took over`);
    this.name = 'FencedError';
  }
}

/**
 * The embedded mode's coordination: one process, one relay, its checkpoint in memory. After a
 * restart the relay publishes the whole log again, which is what the in-memory read models that
 * are rebuilt at start need anyway.
 */
export class SoleRelay implements RelayLeadership, RelayCheckpoints {
  #position: bigint;
  #term = 0n;

  constructor(position = 0n) {
    this.#position = position;
  }

  async acquire(): Promise<Lease> {
    this.#term += 1n;
    return { token: this.#term, lost: new AbortController().signal, release: async () => {} };
  }

  async load(): Promise<bigint> {
    return this.#position;
  }

  async save(position: bigint, token: FenceToken): Promise<void> {
    if (token !== this.#term) throw new FencedError(token);
    if (position > this.#position) this.#position = position;
  }
}
