import { forgeAfterAppend } from '../../test/contract/forge.ts';
import { eventStoreContract } from '../../test/contract.ts';
import { type MemoryEventStore, openMemoryStore } from './memory-event-store.ts';

eventStoreContract('in-memory', (options) => openMemoryStore(options), {
  forge: (store, stream) =>
    forgeAfterAppend(store, stream, (revision) => {
      const record = (store as MemoryEventStore).log.streams.get(stream)?.[Number(revision)];
      if (record === undefined) throw new Error(`no event ${stream}@${revision} to tamper with`);
      record.dataJson = record.dataJson.replace('}', ',"forged":true}');
    }),
});
