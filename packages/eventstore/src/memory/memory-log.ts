import type { SealedEvent } from '../port/pending-event.ts';

/** An event as the in-memory store keeps it: as stored, data still encoded. */
export interface MemoryRecord extends SealedEvent {
  position: bigint;
}

/**
 * The in-memory store's storage. Separate from the store so that a test can hold it, share it
 * between store instances, or edit a record to play the forger.
 */
export class MemoryLog {
  /** The global log: `records[i].position === BigInt(i + 1)`. */
  readonly records: MemoryRecord[] = [];
  readonly streams = new Map<string, MemoryRecord[]>();
  /** Each stream's records by id: ids are unique within a stream, as the port promises. */
  readonly #byId = new Map<string, Map<string, MemoryRecord>>();

  push(record: MemoryRecord): void {
    this.records.push(record);
    let stream = this.streams.get(record.stream);
    if (stream === undefined) {
      stream = [];
      this.streams.set(record.stream, stream);
    }
    stream.push(record);
    let ids = this.#byId.get(record.stream);
    if (ids === undefined) {
      ids = new Map();
      this.#byId.set(record.stream, ids);
    }
    ids.set(record.id, record);
  }

  /** The record of `stream` with this id, if any. */
  find(stream: string, id: string): MemoryRecord | undefined {
    return this.#byId.get(stream)?.get(id);
  }

  /** Records after a global position (positions are dense here: the array index is the position minus one). */
  after(position: bigint, limit: number): MemoryRecord[] {
    const start = Number(position);
    return this.records.slice(start, limit < 0 ? undefined : start + limit);
  }
}
