import type { EventStore, RecordedEvent } from '@hotline/eventstore';
import type { RecordStore, StoredRecord } from './record-store.ts';
import { foldStreamRecord, recordKindOf } from './stream-records.ts';

export type Projected = 'applied' | 'duplicate' | 'ignored';

/**
 * Folds delivered events into the records, once each: a redelivered event (at or below the stream's
 * checkpoint) changes nothing, and a gap before an event (a rebuild switched generations meanwhile,
 * a topic trimmed) is filled from the store first, so a record never skips an event of its stream.
 */
export class Projector {
  readonly #records: RecordStore;
  readonly #store: EventStore;

  constructor(records: RecordStore, store: EventStore) {
    this.#records = records;
    this.#store = store;
  }

  async apply(event: RecordedEvent): Promise<Projected> {
    if (recordKindOf(event.stream) === undefined) return 'ignored';
    for (;;) {
      const current = await this.#records.get(event.stream);
      if (current !== undefined && event.revision <= current.revision) return 'duplicate';
      const next = await this.#folded(current, event);
      if (await this.#records.compareAndSet(event.stream, current?.revision ?? null, next)) return 'applied';
    }
  }

  async #folded(current: StoredRecord | undefined, event: RecordedEvent): Promise<StoredRecord> {
    const from = current === undefined ? 0n : current.revision + 1n;
    const missing =
      from < event.revision
        ? await this.#store.readStream(event.stream, { fromRevision: from, maxCount: Number(event.revision - from) })
        : [];
    let record = current?.record;
    for (const each of [...missing, event]) record = foldStreamRecord(record, each);
    if (record === undefined) throw new Error(`${event.stream} is projected but folded to nothing`);
    return { record, position: event.position, revision: event.revision };
  }
}
