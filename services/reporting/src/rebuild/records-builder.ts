import type { RecordedEvent } from '@hotline/eventstore';
import type { StoredRecord } from '../projections/record-store.ts';
import { foldStreamRecord, recordKindOf } from '../projections/stream-records.ts';

/**
 * The records folded from the store's log in one pass, by the same fold as the incremental
 * projections; one writer, so no compare-and-set is needed until the result is written out.
 */
export class RecordsBuilder {
  readonly records = new Map<string, StoredRecord>();
  #position = 0n;

  get position(): bigint {
    return this.#position;
  }

  apply(event: RecordedEvent): void {
    this.#position = event.position;
    if (recordKindOf(event.stream) === undefined) return;
    const current = this.records.get(event.stream);
    if (current !== undefined && event.revision <= current.revision) return;
    const record = foldStreamRecord(current?.record, event);
    if (record === undefined) return;
    this.records.set(event.stream, { record, position: event.position, revision: event.revision });
  }
}
