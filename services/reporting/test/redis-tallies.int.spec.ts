import { randomUUID } from 'node:crypto';
import { redisInTests, titled } from '@hotline/testkit';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { RedisRecordStore } from '../src/projections/redis-record-store.ts';
import { indicatorsOf } from '../src/queries/indicator-queries.ts';
import { overrunsIn } from '../src/queries/overrun-queries.ts';
import { contractPenalties } from '../src/queries/penalty-queries.ts';
import { yearPeriod } from '../src/queries/periods.ts';
import type { ReportingView } from '../src/queries/reporting-view.ts';
import { rebuildRecords } from '../src/rebuild/rebuild.ts';
import { writeHotlineHistory } from './support/hotline-history.ts';
import { type ReportingHarness, reportingHarness } from './support/reporting-harness.ts';
import { scannedIndicators, scannedOverruns, scannedPenalties } from './support/scan-queries.ts';

const redis = redisInTests();
const clients: Redis[] = [];
const client = () => {
  if (!redis.available) throw new Error(redis.reason);
  const connection = new Redis(redis.endpoint.url, { maxRetriesPerRequest: 2 });
  clients.push(connection);
  return connection;
};

const from = Date.parse('2026-01-05T08:00:00+01:00');
const until = Date.parse('2026-07-01T12:00:00+02:00');
const year = yearPeriod(2026);

const tallied = (view: ReportingView, now: number) => ({
  indicators: indicatorsOf(view, year, now),
  overruns: overrunsIn(view, year, now),
  penalties: contractPenalties(view, now),
});
const scanned = (view: ReportingView, now: number) => ({
  indicators: scannedIndicators(view, year, now),
  overruns: scannedOverruns(view, year, now),
  penalties: scannedPenalties(view, now),
});

let harness: ReportingHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});
afterAll(async () => {
  await Promise.all(clients.splice(0).map((connection) => connection.quit().catch(() => {})));
});

describe.skipIf(!redis.available)(titled('the tallies of a replica on Redis', redis), () => {
  it('follow its mirror of the records, through changes and a generation switch', async () => {
    const prefix = `{test-reporting-${randomUUID()}}`;
    harness = await reportingHarness(until, { redis: client(), redisPrefix: prefix });
    await writeHotlineHistory(harness.store, { tickets: 150, clients: 5, from, until, seed: 13 });
    await harness.caughtUp();
    const view = await harness.service.projections.current();
    expect(tallied(view, until)).toEqual(scanned(view, until));
    await harness.scenario.ticket('T-0000002', [
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
    const later = until + 86_400_000;
    expect(tallied(view, later)).toEqual(scanned(view, later));
    await new RedisRecordStore({ redis: client(), prefix }).replaceAll((await rebuildRecords(harness.store)).records);
    const switched = await harness.service.projections.current();
    expect(tallied(switched, later)).toEqual(scanned(switched, later));
    expect(tallied(switched, later).penalties.length).toBeGreaterThan(0);
  });
});
