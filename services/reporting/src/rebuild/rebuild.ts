import type { EventStore } from '@hotline/eventstore';
import { RecordsBuilder } from './records-builder.ts';

export interface RebuildProgress {
  /** Events read so far (projected or not). */
  readonly done: number;
  /** Events in the store when the rebuild started. */
  readonly total: number;
  readonly position: bigint;
}

export interface RebuildOptions {
  /** Only events recorded up to this instant (ISO 8601 comparison on the store's recorded time): an as-of replay. */
  readonly recordedUpTo?: number | undefined;
  readonly pageSize?: number;
  readonly onProgress?: (progress: RebuildProgress) => void;
}

/**
 * Every record folded again from the store's global log, page after page, by the same fold as the
 * incremental projections: the result is what the incremental path reaches once caught up.
 */
export async function rebuildRecords(store: EventStore, options: RebuildOptions = {}): Promise<RecordsBuilder> {
  const builder = new RecordsBuilder();
  const head = await store.headPosition();
  // Positions count events on SQLite and in memory; on EventStoreDB they only bound them (the bar then ends early).
  const total = Number(head);
  const pageSize = options.pageSize ?? 5_000;
  let done = 0;
  let after = 0n;
  for (;;) {
    const page = await store.readAll({ after, maxCount: pageSize });
    if (page.length === 0) break;
    for (const event of page) {
      if (event.position > head) break;
      if (options.recordedUpTo === undefined || Date.parse(event.recordedAt) <= options.recordedUpTo)
        builder.apply(event);
      done++;
    }
    after = page.at(-1)!.position;
    options.onProgress?.({ done, total: Math.max(total, done), position: after });
    if (after >= head) break;
  }
  return builder;
}
