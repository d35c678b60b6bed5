// A process appending to a SQLite file until it is killed: argv = file, journal, run tag, events
// per large batch, where commits are fsynced (`in-commit` or `off-loop`). It loads, then waits for a line on stdin before opening the file, so that it
// can be started while the previous one still runs. Its lanes run at once, so the group commit gathers them: one appends large
// batches, one single events, the others two events at a time, each to a stream of its own.
// The journal tells the killer what happened, one JSON line per fact, written synchronously
// (a killed process loses nothing it wrote): `try` before each append, `ack` once the store
// answered, and `begin` when a transaction has taken the write lock (the store reads its clock
// then). A flush runs from BEGIN to COMMIT without yielding, so nothing else is written during a
// transaction: a journal ending with `begin` means the kill landed inside one.
import { once } from 'node:events';
import { openSync, writeSync } from 'node:fs';
import type { NewEvent } from '../../src/port/envelope.ts';
import { type ExpectedRevision, NO_STREAM } from '../../src/port/expected-revision.ts';
import { openSqliteStore } from '../../src/sqlite/sqlite-event-store.ts';

const [file = '', journalFile = '', tag = '', batchText = '', fsync = 'in-commit'] = process.argv.slice(2);
if (file === '' || journalFile === '' || tag === '' || (fsync !== 'in-commit' && fsync !== 'off-loop'))
  throw new Error('usage: crash-append-worker FILE JOURNAL TAG BATCH [in-commit|off-loop]');
const batchSize = Number(batchText);
await once(process.stdin, 'data');
const journal = openSync(journalFile, 'a');
const note = (fact: Record<string, unknown>) => writeSync(journal, `${JSON.stringify(fact)}\n`);

const store = await openSqliteStore({
  file,
  fsync,
  clock: () => {
    note({ t: 'begin' });
    return new Date();
  },
});

// 3 kB an event: a batch outgrows SQLite's page cache (2 MB), so its pages spill into the WAL
// before its commit, and a kill leaves frames of a transaction that never committed there.
const pad = 'x'.repeat(3000);
let attempts = 0;

async function lane(stream: string, size: number): Promise<never> {
  let expectedRevision: ExpectedRevision = NO_STREAM;
  for (;;) {
    const attempt = `${tag}-${++attempts}`;
    const events: NewEvent[] = Array.from({ length: size }, (_, index) => ({
      type: 'CrashTestEvent',
      data: { attempt, index, pad },
      actor: tag,
    }));
    note({ t: 'try', attempt, stream, expected: expectedRevision.toString(), count: size });
    const result = await store.append(stream, events, { expectedRevision });
    note({ t: 'ack', attempt, first: result.firstRevision.toString(), position: result.position.toString() });
    expectedRevision = result.nextExpectedRevision;
  }
}

process.stdout.write('ready\n');
await Promise.all([
  lane(`${tag}-batch`, batchSize),
  lane(`${tag}-single`, 1),
  ...Array.from({ length: 4 }, (_, i) => lane(`${tag}-lane-${i}`, 2)),
]);
