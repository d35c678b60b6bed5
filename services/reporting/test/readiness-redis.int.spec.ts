import { seedWorkedExamples } from '@hotline/platform';
import { titled } from '@hotline/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { redisForRecords } from './support/redis-records.ts';
import { type ReportingHarness, reportingHarness } from './support/reporting-harness.ts';

const { redis, client, prefix } = redisForRecords('readiness');
const now = Date.parse('2026-09-14T11:00:00+02:00');

let harness: ReportingHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe.skipIf(!redis.available)(titled('reporting with its records on Redis', redis), () => {
  it('tells on /readyz the position its records reached, without waiting for a query', async () => {
    harness = await reportingHarness(now, { redis: client(), redisPrefix: prefix() });
    await seedWorkedExamples(harness.store);
    const head = Number(await harness.store.headPosition());
    const readiness = harness.service.readiness?.reporting as () => Promise<{ position: number }>;
    // No query in between: the records reach Redis through the feed, and readiness reads them there.
    await expect.poll(async () => (await readiness()).position, { timeout: 10_000, interval: 100 }).toBe(head);
  });
});
