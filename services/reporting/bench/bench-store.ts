import { existsSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, type SqliteEventStore } from '@hotline/eventstore';
import { domainUpcaster } from '@hotline/platform';
import { writeHotlineHistory } from '../test/support/hotline-history.ts';

export const YEAR_FROM = Date.parse('2026-01-05T08:00:00+01:00');
export const YEAR_UNTIL = Date.parse('2026-12-18T18:00:00+01:00');

/**
 * A simulated year of a large hotline in a SQLite store, written once and kept in the temp folder
 * (its name carries the generator's version and size): writing a million events takes a while.
 */
export async function benchStore(tickets: number, onTicket: (done: number) => void): Promise<SqliteEventStore> {
  const file = join(tmpdir(), `hotline-reporting-bench-v2-${tickets}.sqlite`);
  if (!existsSync(file)) {
    const partial = `${file}.partial`;
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
    const store = await openSqliteStore({ file: partial, upcast: domainUpcaster });
    await writeHotlineHistory(store, {
      tickets,
      clients: 200,
      from: YEAR_FROM,
      until: YEAR_UNTIL,
      seed: 2026,
      concurrency: 64,
      onTicket,
    });
    await store.close();
    renameSync(partial, file);
    for (const suffix of ['-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
  }
  return openSqliteStore({ file, upcast: domainUpcaster });
}
