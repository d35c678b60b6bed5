import type { StreamRecord } from './stream-records.ts';

/** A stream's record with its checkpoint: the last event folded in, by global position and stream revision. */
export interface StoredRecord {
  readonly record: StreamRecord;
  readonly position: bigint;
  readonly revision: bigint;
}

/** The query side's view, told of every record and of every change. */
export interface RecordChangeListener {
  /** Forget every record: a complete set follows (a rebuild switched generations). */
  reset(): void;
  change(stream: string, stored: StoredRecord): void;
}

/**
 * Where the projections keep their records, each written atomically with its checkpoint. The
 * checkpoint is the stream revision: an event at or below it is a redelivery, one past the next
 * revision reveals a gap (events lost to a rebuild switch, a trimmed topic) that the projector fills
 * from the store before going on.
 */
export interface RecordStore {
  get(stream: string): Promise<StoredRecord | undefined>;
  /** Writes `next` unless the stream's revision is no longer `expectedRevision` (null: no record yet). */
  compareAndSet(stream: string, expectedRevision: bigint | null, next: StoredRecord): Promise<boolean>;
  /**
   * Every record, then every change as it happens, for the query side's in-memory view. `refresh`
   * brings the view up to date with writes made elsewhere (other replicas); a no-op in memory.
   */
  follow(listener: RecordChangeListener): Promise<RecordFollower>;
}

export interface RecordFollower {
  refresh(): Promise<void>;
  stop(): void;
}

/** The embedded mode's records: a map, as durable as the process and rebuilt from the store at start. */
export class MemoryRecordStore implements RecordStore {
  readonly #records = new Map<string, StoredRecord>();
  readonly #listeners = new Set<RecordChangeListener>();

  async get(stream: string): Promise<StoredRecord | undefined> {
    return this.#records.get(stream);
  }

  async compareAndSet(stream: string, expectedRevision: bigint | null, next: StoredRecord): Promise<boolean> {
    const current = this.#records.get(stream);
    if ((current?.revision ?? null) !== expectedRevision) return false;
    this.#records.set(stream, next);
    for (const listener of this.#listeners) listener.change(stream, next);
    return true;
  }

  /** Replaces everything at once: a rebuild's result. */
  replaceAll(records: ReadonlyMap<string, StoredRecord>): void {
    this.#records.clear();
    for (const [stream, stored] of records) this.#records.set(stream, stored);
    for (const listener of this.#listeners) {
      listener.reset();
      for (const [stream, stored] of records) listener.change(stream, stored);
    }
  }

  entries(): IterableIterator<[string, StoredRecord]> {
    return this.#records.entries();
  }

  async follow(listener: RecordChangeListener): Promise<RecordFollower> {
    for (const [stream, stored] of this.#records) listener.change(stream, stored);
    this.#listeners.add(listener);
    return {
      refresh: async () => {},
      stop: () => {
        this.#listeners.delete(listener);
      },
    };
  }
}
