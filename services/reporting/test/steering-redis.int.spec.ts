import { seedWorkedExamples } from '@hotline/platform';
import { titled } from '@hotline/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { Projector } from '../src/projections/projector.ts';
import { RedisRecordStore } from '../src/projections/redis-record-store.ts';
import { rebuildRecords } from '../src/rebuild/rebuild.ts';
import { canonical } from './support/canonical-records.ts';
import { recordsOf, redisForRecords } from './support/redis-records.ts';
import { type ReportingHarness, reportingHarness } from './support/reporting-harness.ts';
import { seedSteering } from './support/steering-scenario.ts';

const { redis, client, prefix } = redisForRecords('steering');
const now = Date.parse('2026-09-14T11:00:00+02:00');

let harness: ReportingHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe.skipIf(!redis.available)(titled('the steering records on Redis', redis), () => {
  it('are the records a rebuild gives, and the yearly report reads the same as from memory', async () => {
    const keys = prefix();
    harness = await reportingHarness(now, { redis: client(), redisPrefix: keys });
    await seedWorkedExamples(harness.store);
    await seedSteering(harness.scenario);
    await harness.caughtUp();
    const inRedis = canonical(await recordsOf(new RedisRecordStore({ redis: client(), prefix: keys })));
    expect(inRedis.has('billing-ACME')).toBe(true);
    expect(inRedis.has('training-T1')).toBe(true);
    expect(canonical((await rebuildRecords(harness.store)).records)).toEqual(inRedis);
    const fromRedis = (await harness.get('/reports/activity-report/2026?format=json')).json();
    const memory = await reportingHarness(now, { store: harness.store });
    try {
      expect((await memory.get('/reports/activity-report/2026?format=json')).json()).toEqual(fromRedis);
    } finally {
      await memory.close();
    }
  });

  it('folds a redelivered billing event once: totals to the cent, unpriced time aside', async () => {
    harness = await reportingHarness(now);
    await seedWorkedExamples(harness.store);
    await seedSteering(harness.scenario);
    const records = new RedisRecordStore({ redis: client(), prefix: prefix() });
    const projector = new Projector(records, harness.store);
    const events = await harness.store.readStream('billing-ACME');
    for (const event of events) expect(await projector.apply(event)).toBe('applied');
    expect(await projector.apply(events[1]!)).toBe('duplicate');
    const stored = await records.get('billing-ACME');
    expect(stored?.record).toMatchObject({ kind: 'billing', clientId: 'ACME' });
    expect(stored?.record).toEqual({
      kind: 'billing',
      clientId: 'ACME',
      totals: [
        { clientId: 'ACME', month: '2026-08', currency: 'EUR', items: 1, minutes: 10, amountCents: 1_583 },
        { clientId: 'ACME', month: '2026-09', currency: 'EUR', items: 3, minutes: 102, amountCents: 136_150 },
      ],
      unpriced: [expect.objectContaining({ itemId: 'item-3', minutes: 30, reason: 'billing.no_rate' })],
    });
  });
});
