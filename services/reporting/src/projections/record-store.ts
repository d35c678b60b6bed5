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

/**
 * A record as the memory store keeps it: its checkpoint as numbers, which under 2³⁰ are small
 * integers inside the entry, where bigints are an object each, two a ticket for as long as the
 * process runs. Revisions and positions stay far below 2⁵³ (SQLite's row ids, EventStoreDB's log
 * offsets in bytes), so the numbers are exact.
 */
interface KeptRecord {
  readonly record: StreamRecord;
  readonly position: number;
  readonly revision: number;
}

const kept = ({ record, position, revision }: StoredRecord): KeptRecord => ({
  record,
  position: Number(position),
  revision: Number(revision),
});
const stored = ({ record, position, revision }: KeptRecord): StoredRecord => ({
  record,
  position: BigInt(position),
  revision: BigInt(revision),
});

/** The embedded mode's records: a map, as durable as the process and rebuilt from the store at start. */
export class MemoryRecordStore implements RecordStore {
  readonly #records = new Map<string, KeptRecord>();
  readonly #listeners = new Set<RecordChangeListener>();

  async get(stream: string): Promise<StoredRecord | undefined> {
    const current = this.#records.get(stream);
    return current === undefined ? undefined : stored(current);
  }

  async compareAndSet(stream: string, expectedRevision: bigint | null, next: StoredRecord): Promise<boolean> {
    const current = this.#records.get(stream);
    if ((current?.revision ?? null) !== (expectedRevision === null ? null : Number(expectedRevision))) return false;
    this.#records.set(stream, kept(next));
    for (const listener of this.#listeners) listener.change(stream, next);
    return true;
  }

  /** Replaces everything at once: a rebuild's result. */
  replaceAll(records: ReadonlyMap<string, StoredRecord>): void {
    this.#records.clear();
    for (const [stream, each] of records) this.#records.set(stream, kept(each));
    for (const listener of this.#listeners) {
      listener.reset();
      for (const [stream, each] of records) listener.change(stream, each);
    }
  }

  *entries(): IterableIterator<[string, StoredRecord]> {
    for (const [stream, each] of this.#records) yield [stream, stored(each)];
  }

  async follow(listener: RecordChangeListener): Promise<RecordFollower> {
    for (const [stream, each] of this.#records) listener.change(stream, stored(each));
    this.#listeners.add(listener);
    return {
      refresh: async () => {},
      stop: () => {
        this.#listeners.delete(listener);
      },
    };
  }
}
