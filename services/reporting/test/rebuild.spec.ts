import { afterEach, describe, expect, it } from 'vitest';
import { MemoryRecordStore } from '../src/projections/record-store.ts';
import { rebuildRecords } from '../src/rebuild/rebuild.ts';
import { canonical } from './support/canonical-records.ts';
import { writeHotlineHistory } from './support/hotline-history.ts';
import { type ReportingHarness, reportingHarness } from './support/reporting-harness.ts';

const from = Date.parse('2026-01-05T08:00:00+01:00');
const until = Date.parse('2026-07-01T12:00:00+02:00');

let harness: ReportingHarness | undefined;
afterEach(async () => harness?.close());

describe('the rebuild', () => {
  it('gives records identical to those built incrementally from support.events.v1', async () => {
    const records = new MemoryRecordStore();
    harness = await reportingHarness(until, { records });
    await writeHotlineHistory(harness.store, { tickets: 400, from, until, seed: 7 });
    await harness.caughtUp();
    const rebuilt = await rebuildRecords(harness.store);
    const incremental = canonical(records.entries());
    expect(incremental.size).toBeGreaterThan(400);
    expect(canonical(rebuilt.records)).toEqual(incremental);
  });

  it('reports its progress, and the views read the same from either build', async () => {
    harness = await reportingHarness(until);
    await writeHotlineHistory(harness.store, { tickets: 150, from, until, seed: 11 });
    const incremental = (await harness.get('/reports/penalties')).json();
    const progress: number[] = [];
    const rebuilt = await rebuildRecords(harness.store, {
      pageSize: 500,
      onProgress: ({ done }) => progress.push(done),
    });
    expect(progress.at(-1)).toBe(Number(await harness.store.headPosition()));
    (harness.service.projections.records as MemoryRecordStore).replaceAll(rebuilt.records);
    expect((await harness.get('/reports/penalties')).json()).toEqual(incremental);
  });
});
