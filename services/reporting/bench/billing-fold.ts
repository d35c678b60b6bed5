import { billingEvent, domainEventRegistry } from '@hotline/domain';
import { ANY, openMemoryStore, type RecordedEvent } from '@hotline/eventstore';
import { Redis } from 'ioredis';
import { Projector } from '../src/projections/projector.ts';
import type { RecordStore, StoredRecord } from '../src/projections/record-store.ts';
import { MemoryRecordStore } from '../src/projections/record-store.ts';
import { RedisRecordStore } from '../src/projections/redis-record-store.ts';

// `node bench/billing-fold.ts [items]`: one client's billing stream of N items folded into the
// records, the record keeping totals per month (the projections') against a record keeping every
// item (the first version's), in the same run, in memory and on the local Redis (REDIS_URL or
// 127.0.0.1:6379). A record is written whole at each event, so keeping items is quadratic on Redis.
const items = Number(process.argv[2] ?? 2_000);
const store = await openMemoryStore();
await store.append(
  'billing-ACME',
  Array.from({ length: items }, (_, index) => {
    const { type, schemaVersion, ...data } = billingEvent('BillableItemRecorded', {
      clientId: 'ACME',
      itemId: `item-${index}`,
      origin: 'ticket_time',
      ticketId: `T-${index}`,
      product: 'ERP',
      agentId: 'agent-ann',
      on: `2026-${String((index % 12) + 1).padStart(2, '0')}-02`,
      description: 'Time on a ticket',
      pricing: 'time',
      workKind: 'functional',
      minutes: 10,
      rateCents: 9_500,
      amountCents: 1_583,
      currency: 'EUR',
      priceListFrom: '2026-01-01',
      by: 'manager-max',
      at: '2026-09-02T18:00:00+02:00',
    });
    return { type, schemaVersion, data, actor: 'manager-max' };
  }),
  { expectedRevision: ANY },
);
const events = await store.readStream('billing-ACME');

/** The first version's fold: every item kept in the record. */
async function foldKeepingItems(records: RecordStore, event: RecordedEvent): Promise<void> {
  const current = await records.get(event.stream);
  const parsed = domainEventRegistry.parseStored(event);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const previous = (current?.record as unknown as { items: unknown[] } | undefined)?.items ?? [];
  const next = { kind: 'billing', clientId: 'ACME', items: [...previous, parsed.value], unpriced: [] };
  const stored = { record: next, position: event.position, revision: event.revision } as unknown as StoredRecord;
  await records.compareAndSet(event.stream, current?.revision ?? null, stored);
}

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const redis = new Redis(redisUrl, { maxRetriesPerRequest: 2 });
const redisStore = () => new RedisRecordStore({ redis, prefix: `{bench-billing-${process.pid}-${Math.random()}}` });
const time = async (run: () => Promise<void>) => {
  const started = performance.now();
  await run();
  return performance.now() - started;
};
for (const [where, records] of [
  ['memory', () => new MemoryRecordStore()],
  ['redis', redisStore],
] as const) {
  const totals = records();
  const projector = new Projector(totals, store);
  const current = await time(async () => {
    for (const event of events) await projector.apply(event);
  });
  const keeping = records();
  const former = await time(async () => {
    for (const event of events) await foldKeepingItems(keeping, event);
  });
  const folded = (await totals.get('billing-ACME'))?.record;
  if (folded?.kind !== 'billing' || folded.totals.reduce((sum, total) => sum + total.items, 0) !== items)
    throw new Error('the totals do not count every item');
  console.log(
    `${where}: ${items} items, totals ${current.toFixed(0)} ms, every item kept ${former.toFixed(0)} ms (×${(former / current).toFixed(1)})`,
  );
}
redis.disconnect();
