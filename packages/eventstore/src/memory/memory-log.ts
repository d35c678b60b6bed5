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
  readonly byId = new Map<string, MemoryRecord>();

  push(record: MemoryRecord): void {
    this.records.push(record);
    let stream = this.streams.get(record.stream);
    if (stream === undefined) {
      stream = [];
      this.streams.set(record.stream, stream);
    }
    stream.push(record);
    this.byId.set(record.id, record);
  }

  /** Records after a global position (positions are dense here: the array index is the position minus one). */
  after(position: bigint, limit: number): MemoryRecord[] {
    const start = Number(position);
    return this.records.slice(start, limit < 0 ? undefined : start + limit);
  }
}
