import { eventStoreContract } from '../../test/contract.ts';
import { type MemoryEventStore, openMemoryStore } from './memory-event-store.ts';

eventStoreContract('in-memory', (options) => openMemoryStore(options), {
  async tamper(store, stream, revision) {
    const record = (store as MemoryEventStore).log.streams.get(stream)?.[Number(revision)];
    if (record === undefined) throw new Error(`no event ${stream}@${revision} to tamper with`);
    record.dataJson = record.dataJson.replace('}', ',"forged":true}');
  },
});
