import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { openSqliteStore } from '@hotline/eventstore';
import { type CensusRow, heapCensus, perUnit } from '@hotline/testkit';
import { afterAll, describe, expect, it } from 'vitest';
import { writeHotlineHistory } from './support/hotline-history.ts';
import { reportingHarness } from './support/reporting-harness.ts';

// Every object the read models keep is work for each major collection, and those hold the event
// loop under load (services/standalone/bench/README.md, twelfth and thirteenth runs). What reporting
// keeps a ticket is counted here, the same on any machine, so that a change that adds to it shows.
// Measured when this budget was set: 60.5 objects a ticket of a simulated year, whose tickets have
// about ten events each and most are settled (the records' facts, resolutions and time entries are
// most of it; the month and client cells grow more slowly than the tickets). The budget leaves a
// margin for a field or two, not for a structure more a ticket.
const BUDGET = 68;

const from = Date.parse('2026-01-05T08:00:00+01:00');
const until = Date.parse('2026-07-01T12:00:00+02:00');
const directory = mkdtempSync(join(tmpdir(), 'reporting-memory-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

// Reporting's classes that keep something a ticket; the rest of the heap (the store's window of the
// log, the bus, the test's own objects and modules) is not counted.
const reporting =
  /^(ReportingView|MemoryRecordStore|TicketTallies|LapseQueue|IndicatorCube|ProcessingTimeTallies|KnowledgeTallies|ClaimTallies|VolumeTallies|BacklogTallies|ReceptionOrder|SteeringIndex)\./;

/** The heap's objects by owner once reporting folded a simulated year of `tickets` tickets, judged at `until`. */
async function ownersWith(tickets: number): Promise<ReadonlyMap<string, CensusRow>> {
  const file = join(directory, `history-${tickets}.sqlite`);
  const store = await openSqliteStore({ file });
  await writeHotlineHistory(store, { tickets, from, until, seed: 11, concurrency: 16 });
  const harness = await reportingHarness(until, { store });
  try {
    await harness.caughtUp();
    (await harness.service.projections.current()).tallies(until);
    return heapCensus(writeHeapSnapshot(join(directory, `${tickets}.heapsnapshot`))).owners;
  } finally {
    await harness.close();
    await store.close();
  }
}

describe('what reporting keeps in memory', () => {
  it(`stays within ${BUDGET} objects a ticket`, { timeout: 300_000 }, async () => {
    const fewer = await ownersWith(400);
    const more = await ownersWith(1_400);
    const rows = perUnit(fewer, more, 1_000).filter((row) => reporting.test(row.key) && row.count > 0.005);
    const objects = rows.reduce((sum, row) => sum + row.count, 0);
    const table = rows.map((row) => `${row.key} ${row.count.toFixed(2)}`).join('\n');
    expect(objects, `objects a ticket, by owner:\n${table}`).toBeLessThan(BUDGET);
    // The records hold most of it.
    expect(rows[0]?.key).toBe('ReportingView.tickets');
  });
});
