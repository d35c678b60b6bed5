import { ANY, openMemoryStore } from '@hotline/eventstore';
import { titled } from '@hotline/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { Projector } from '../src/projections/projector.ts';
import type { StoredRecord } from '../src/projections/record-store.ts';
import { RedisRecordStore } from '../src/projections/redis-record-store.ts';
import { rebuildRecords } from '../src/rebuild/rebuild.ts';
import { canonical } from './support/canonical-records.ts';
import { writeHotlineHistory } from './support/hotline-history.ts';
import { recordsOf, redisForRecords } from './support/redis-records.ts';
import { type ReportingHarness, reportingHarness } from './support/reporting-harness.ts';

const { redis, client, prefix } = redisForRecords('reporting');
const from = Date.parse('2026-01-05T08:00:00+01:00');
const until = Date.parse('2026-07-01T12:00:00+02:00');

let harness: ReportingHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe.skipIf(!redis.available)(titled('the projections on Redis', redis), () => {
  it('builds from support.events.v1 the records a rebuild gives, and answers as the memory build does', async () => {
    const keys = prefix();
    harness = await reportingHarness(until, { redis: client(), redisPrefix: keys });
    await writeHotlineHistory(harness.store, { tickets: 200, from, until, seed: 3 });
    await harness.caughtUp();
    const rebuilt = await rebuildRecords(harness.store);
    expect(canonical(await recordsOf(new RedisRecordStore({ redis: client(), prefix: keys })))).toEqual(
      canonical(rebuilt.records),
    );
    const fromRedis = (await harness.get('/reports/indicators?year=2026')).json();
    const memory = await reportingHarness(until, { store: harness.store });
    try {
      expect((await memory.get('/reports/indicators?year=2026')).json()).toEqual(fromRedis);
    } finally {
      await memory.close();
    }
  });

  it('applies a redelivered event once, and fills a gap from the store before the event that reveals it', async () => {
    const store = await openMemoryStore();
    const records = new RedisRecordStore({ redis: client(), prefix: prefix() });
    const projector = new Projector(records, store);
    await writeHotlineHistory(store, { tickets: 1, clients: 1, from, until, seed: 5 });
    const events = await store.readStream('ticket-T-0000001');
    expect(events.length).toBeGreaterThan(3);
    expect(await projector.apply(events[0]!)).toBe('applied');
    expect(await projector.apply(events[0]!)).toBe('duplicate');
    expect(await projector.apply(events[3]!)).toBe('applied');
    expect(await projector.apply(events[2]!)).toBe('duplicate');
    const stored = await records.get('ticket-T-0000001');
    expect(stored?.revision).toBe(3n);
    const rebuilt = await rebuildRecords(await storeUpTo(events.slice(0, 4)));
    expect(JSON.stringify(stored?.record)).toBe(JSON.stringify(rebuilt.records.get('ticket-T-0000001')?.record));
  });

  it("keeps a replica's view up to date, and switches every view to a rebuilt generation at once", async () => {
    const keys = prefix();
    harness = await reportingHarness(until, { redis: client(), redisPrefix: keys });
    await writeHotlineHistory(harness.store, { tickets: 30, from, until, seed: 9 });
    await harness.caughtUp();
    const replica = new RedisRecordStore({ redis: client(), prefix: keys });
    const seen = new Map<string, StoredRecord>();
    let resets = 0;
    const follower = await replica.follow({
      reset: () => {
        resets++;
        seen.clear();
      },
      change: (stream, stored) => seen.set(stream, stored),
    });
    await harness.scenario.ticket('T-0000001', [
      {
        type: 'RecordTime',
        agentId: 'agent-1',
        minutes: 5,
        what: 'Call',
        by: 'agent-1',
        at: '2026-07-01T10:30:00.000Z',
      },
    ]);
    await harness.caughtUp();
    await follower.refresh();
    const record = seen.get('ticket-T-0000001')?.record as { minutesByAgent: Record<string, number> } | undefined;
    expect(record?.minutesByAgent['agent-1']).toBeGreaterThanOrEqual(5);
    const rebuilt = await rebuildRecords(harness.store);
    await replica.replaceAll(rebuilt.records);
    await follower.refresh();
    expect(resets).toBe(2);
    expect(canonical(seen)).toEqual(canonical(rebuilt.records));
    follower.stop();
  });

  it('tells on /readyz the position its records reached, without waiting for a query', async () => {
    harness = await reportingHarness(until, { redis: client(), redisPrefix: prefix() });
    await writeHotlineHistory(harness.store, { tickets: 20, from, until, seed: 4 });
    const head = Number(await harness.store.headPosition());
    const readiness = harness.service.readiness?.reporting as () => Promise<{ position: number }>;
    // No query in between: the records reach Redis through the feed, and readiness reads them there.
    await expect.poll(async () => (await readiness()).position, { timeout: 10_000, interval: 100 }).toBe(head);
  });
});

async function storeUpTo(events: Awaited<ReturnType<Awaited<ReturnType<typeof openMemoryStore>>['readStream']>>) {
  const store = await openMemoryStore();
  for (const event of events) {
    await store.append(
      event.stream,
      [
        {
          type: event.type,
          schemaVersion: event.schemaVersion,
          data: event.data,
          actor: event.actor,
          occurredAt: event.occurredAt,
        },
      ],
      {
        expectedRevision: ANY,
      },
    );
  }
  return store;
}
