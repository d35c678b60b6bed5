import type { StoredRecord } from '../../src/projections/record-store.ts';

/** Records as text, key by key: what "identical" means for two builds. */
export function canonical(records: Iterable<[string, StoredRecord]>): Map<string, string> {
  return new Map(
    [...records]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([stream, stored]) => [stream, `${stored.position}/${stored.revision}/${JSON.stringify(stored.record)}`]),
  );
}
