import type { RawMessage } from '../bus/message-codec.ts';

/**
 * One partition of an in-process topic: an append-only log with offsets, like Kafka's. A message
 * every group has committed past is let go at once, so that it dies young: kept until the next
 * shortening of the array (a thousand messages later, seconds under load), each outlived the young
 * generation and was left for the major collections to find, with its payload. The array itself is
 * shortened in chunks, since moving it is linear.
 */
export class PartitionLog {
  /** The offset of `#entries[0]`. */
  #base = 0;
  /** The oldest offset still held: the entries before it are let go. */
  #start = 0;
  #entries: (RawMessage | undefined)[] = [];
  #waiters = new Set<() => void>();

  /** The offset the next message gets. */
  get end(): number {
    return this.#base + this.#entries.length;
  }

  /** The oldest offset still held. */
  get start(): number {
    return this.#start;
  }

  append(message: RawMessage): number {
    this.#entries.push(message);
    for (const wake of this.#waiters) wake();
    this.#waiters.clear();
    return this.end - 1;
  }

  /** Up to `max` messages from `offset` (not before the oldest held) to the end. */
  readFrom(offset: number, max: number): RawMessage[] {
    const first = Math.max(offset, this.#start) - this.#base;
    return this.#entries.slice(first, first + max) as RawMessage[];
  }

  /** Resolves once there is a message at `offset`, or when `signal` aborts. */
  waitFor(offset: number, signal: AbortSignal): Promise<void> {
    if (offset < this.end || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        signal.removeEventListener('abort', wake);
        this.#waiters.delete(wake);
        resolve();
      };
      this.#waiters.add(wake);
      signal.addEventListener('abort', wake, { once: true });
    });
  }

  /** Forgets the messages before `offset`; cheap enough to call after every commit. */
  trimBefore(offset: number): void {
    const until = Math.min(offset, this.end);
    if (until <= this.#start) return;
    for (let at = this.#start; at < until; at += 1) this.#entries[at - this.#base] = undefined;
    this.#start = until;
    const drop = until - this.#base;
    if (drop < 1024) return;
    this.#entries = this.#entries.slice(drop);
    this.#base = until;
  }
}

/** The partition of a key: FNV-1a, stable across runs, so a key keeps its partition and its order. */
export function partitionOf(key: string, partitions: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % partitions;
}
