import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../../platform/src/random/seeded-random.ts';
import { startWorker, type Worker } from '../../test/workers/start-worker.ts';
import type { RecordedEvent } from '../port/envelope.ts';
import { RevisionConflictError } from '../port/errors.ts';
import { NO_STREAM } from '../port/expected-revision.ts';
import { openSqliteStore, type SqliteEventStore } from './sqlite-event-store.ts';

const directory = mkdtempSync(join(tmpdir(), 'eventstore-crash-'));
const workers = new Set<Worker>();
afterAll(() => {
  // A failed check leaves the next worker waiting: it must not outlive the test.
  for (const worker of workers) worker.process.kill('SIGKILL');
  rmSync(directory, { recursive: true, force: true });
});

const kills = 24;
const batchSize = 1000;
// When to kill is random, and told so that a failing run can be replayed; the checks are not.
// A moment is counted in the worker's progress (transactions begun) and then in time, so that a
// loaded machine, which slows the worker, still sees kills inside transactions and after some
// appends succeeded.
const seed = Number(process.env.CRASH_SEED ?? 20_261_129);

interface Attempt {
  attempt: string;
  stream: string;
  /** The stream's revision the append expected: `no_stream` or a number. */
  expected: string;
  count: number;
  ack?: { first: bigint; position: bigint };
  /** Tried before the transaction the kill interrupted began. */
  beforeLastBegin: boolean;
}

/** Resolves once the worker's journal holds `count` facts of a kind. */
async function journalHolds(journal: string, fact: 'begin' | 'ack', count: number): Promise<void> {
  while ((existsSync(journal) ? readFileSync(journal, 'utf8').split(`"t":"${fact}"`).length - 1 : 0) < count) {
    await sleep(5);
  }
}

/**
 * What the worker tried and what the store acknowledged. A line cut by the kill is dropped: the
 * worker writes `try` before calling append and `ack` after the answer, so a lost `try` is an
 * append never made and a lost `ack` one still in flight as far as anyone knows.
 */
function readJournal(file: string): { attempts: Map<string, Attempt>; endsInTransaction: boolean } {
  const text = readFileSync(file, 'utf8');
  const facts = text
    .slice(0, text.lastIndexOf('\n') + 1)
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
  const attempts = new Map<string, Attempt>();
  const lastBegin = facts.findLastIndex((fact) => fact.t === 'begin');
  facts.forEach((fact, i) => {
    if (fact.t === 'try') attempts.set(fact.attempt, { ...fact, beforeLastBegin: i < lastBegin });
    if (fact.t === 'ack') {
      const attempt = attempts.get(fact.attempt) as Attempt;
      attempt.ack = { first: BigInt(fact.first), position: BigInt(fact.position) };
    }
  });
  return { attempts, endsInTransaction: facts.at(-1)?.t === 'begin' };
}

const tally = {
  kills: 0,
  /** The kill landed in a flush: the write lock taken, the acknowledgements not yet given. */
  inTransaction: 0,
  /** …of a transaction writing a large batch, which was rolled back. */
  batchRolledBack: 0,
  /** A large batch committed before its acknowledgement reached the worker. */
  batchCommittedUnacknowledged: 0,
  acknowledged: 0,
  inFlightPresent: 0,
  inFlightAbsent: 0,
};

/** Every append the worker attempted is there whole (acknowledged ones must be) or not at all. */
function checkAttempts(attempts: Map<string, Attempt>, recorded: RecordedEvent[]): void {
  const byAttempt = Map.groupBy(recorded, (event) => String(event.data.attempt));
  for (const tag of byAttempt.keys()) expect(attempts.has(tag), `${tag} was never attempted`).toBe(true);
  for (const attempt of attempts.values()) {
    const events = byAttempt.get(attempt.attempt) ?? [];
    const where = `${attempt.attempt} (${attempt.count} events to ${attempt.stream})`;
    if (attempt.ack === undefined) {
      expect([0, attempt.count], `${where} is neither whole nor absent`).toContain(events.length);
      if (events.length === 0) {
        tally.inFlightAbsent++;
        if (attempt.count === batchSize && attempt.beforeLastBegin) tally.batchRolledBack++;
        continue;
      }
      tally.inFlightPresent++;
      if (attempt.count === batchSize) tally.batchCommittedUnacknowledged++;
    } else {
      tally.acknowledged++;
      expect(events.length, `${where} was acknowledged`).toBe(attempt.count);
    }
    const first = attempt.expected === NO_STREAM ? 0n : BigInt(attempt.expected) + 1n;
    const start = (events[0] as RecordedEvent).position;
    // In order, at the revisions expected, side by side in the global log.
    const misplaced = events.filter(
      (event, i) =>
        event.stream !== attempt.stream ||
        event.data.index !== i ||
        event.revision !== first + BigInt(i) ||
        event.position !== start + BigInt(i),
    );
    expect(misplaced, `${where}: events out of place`).toEqual([]);
    if (attempt.ack !== undefined) expect(attempt.ack).toEqual({ first, position: start + BigInt(events.length - 1) });
  }
}

/** The log as one text, cheap to compare whole (a deep equality of thousands of events is not). */
const fingerprint = (events: RecordedEvent[]) =>
  events.map((event) => `${event.position} ${event.stream}@${event.revision} ${event.id} ${event.hash}`).join('\n');

/** The log holds positions 1 to N, none lost or reused: AUTOINCREMENT, and a rolled back transaction takes its numbers back. */
function checkPositions(file: string): bigint {
  const db = new DatabaseSync(file, { readOnly: true });
  const query = db.prepare(`SELECT COUNT(*) AS count, COALESCE(MAX(position), 0) AS last,
    (SELECT seq FROM sqlite_sequence WHERE name = 'events') AS sequence FROM events`);
  query.setReadBigInts(true);
  const { count, last, sequence } = query.get() as { count: bigint; last: bigint; sequence: bigint | null };
  db.close();
  expect({ last, sequence: sequence ?? 0n }).toEqual({ last: count, sequence: count });
  return count;
}

/**
 * Another process reading the whole time: it never sees part of a batch, and its view only
 * grows. Reads every few milliseconds until stopped, then reports what went wrong, if anything.
 */
function watch(reader: SqliteEventStore, tag: string): () => Promise<string[]> {
  const problems: string[] = [];
  let head = 0n;
  const timer = setInterval(async () => {
    try {
      const now = await reader.headPosition();
      if (now < head) problems.push(`the head went back from ${head} to ${now}`);
      head = now;
      const [last] = await reader.readStream(`${tag}-batch`, { direction: 'backwards', maxCount: 1 });
      const length = last === undefined ? 0n : last.revision + 1n;
      if (length % BigInt(batchSize) !== 0n) problems.push(`a reader saw ${length} events of batches`);
    } catch (error) {
      problems.push(String(error));
    }
  }, 5);
  return async () => {
    clearInterval(timer);
    return problems;
  };
}

describe('sqlite event store killed in the middle of appends', () => {
  it('keeps every acknowledged append, every append in flight whole or absent, and takes appends again', async () => {
    const random = seededRandom(seed);
    const file = join(directory, 'crash.sqlite');
    await (await openSqliteStore({ file })).close();
    let checkedUpTo = 0n;
    // Node.js takes a good part of a second to start: the next worker loads while this one runs.
    // Half the workers fsync in the commit, half off the event loop, each with and without a reader.
    const start = (kill: number) => {
      const journal = join(directory, `k${kill}.journal`);
      const fsync = kill % 4 < 2 ? 'in-commit' : 'off-loop';
      const worker = startWorker('crash-append-worker.ts', [file, journal, `k${kill}`, String(batchSize), fsync]);
      workers.add(worker);
      return { journal, worker };
    };
    let next = start(0);

    for (let kill = 0; kill < kills; kill++) {
      const tag = `k${kill}`;
      const { journal, worker } = next;
      if (kill + 1 < kills) next = start(kill + 1);
      // Every other kill, another process has the file open: the killed one is then not the last connection.
      const reader = kill % 2 === 0 ? await openSqliteStore({ file }) : undefined;
      const stopWatching = reader === undefined ? undefined : watch(reader, tag);

      worker.process.stdin?.write('go\n');
      await worker.ready;
      if (random.chance(0.5)) await journalHolds(journal, 'begin', Math.floor(random.between(1, 4)));
      else await journalHolds(journal, 'ack', Math.floor(random.between(0, 7)));
      await sleep(random.between(0, 60));
      worker.process.kill('SIGKILL');
      const exit = await worker.exited;
      workers.delete(worker);
      expect(exit, exit.stderr).toMatchObject({ signal: 'SIGKILL' });
      tally.kills++;

      const { attempts, endsInTransaction } = readJournal(journal);
      if (endsInTransaction) tally.inTransaction++;
      const store = await openSqliteStore({ file });
      const recorded = await store.readAll({ after: checkedUpTo });
      const gaps = recorded.filter((event, i) => event.position !== checkedUpTo + BigInt(i + 1));
      expect(gaps, `positions after ${checkedUpTo} are not contiguous`).toEqual([]);
      checkAttempts(attempts, recorded);
      const streams = [...new Set([...attempts.values()].map((attempt) => attempt.stream))];
      for (const stream of streams) {
        expect(await store.verify({ stream }), stream).toMatchObject({ ok: true });
      }

      if (reader !== undefined && stopWatching !== undefined) {
        expect(await stopWatching()).toEqual([]);
        expect(fingerprint(await reader.readAll({ after: checkedUpTo }))).toBe(fingerprint(recorded));
      }

      // The lock died with the worker: the store writes again, at the revisions found, and still refuses stale ones.
      const heads = await Promise.all(
        streams.map(async (stream) => (await store.readStream(stream, { direction: 'backwards', maxCount: 1 }))[0]),
      );
      const appended = await Promise.all(
        streams.map((stream, i) =>
          store.append(stream, [{ type: 'AfterCrash', data: {}, actor: 'test' }], {
            expectedRevision: heads[i]?.revision ?? NO_STREAM,
          }),
        ),
      );
      expect(appended.map((result) => result.firstRevision)).toEqual(
        heads.map((head) => (head === undefined ? 0n : head.revision + 1n)),
      );
      const stale = await Promise.allSettled(
        streams.map((stream) =>
          store.append(stream, [{ type: 'AfterCrash', data: {}, actor: 'test' }], { expectedRevision: NO_STREAM }),
        ),
      );
      for (const outcome of stale) {
        expect(outcome.status === 'rejected' && outcome.reason).toBeInstanceOf(RevisionConflictError);
      }
      if (reader !== undefined) expect(await reader.headPosition()).toBe(await store.headPosition());
      await store.close();
      await reader?.close();
      checkedUpTo = checkPositions(file);
    }

    const store = await openSqliteStore({ file });
    expect(await store.verify()).toEqual({ ok: true, checked: Number(checkedUpTo) });
    await store.close();
    const db = new DatabaseSync(file, { readOnly: true });
    expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
    db.close();

    console.info(`crash test, seed ${seed}:`, tally);
    // The point of the test: kills inside transactions, some of them writing a large batch.
    expect(tally.inTransaction).toBeGreaterThan(0);
    expect(tally.batchRolledBack).toBeGreaterThan(0);
    // About 25 s of CPU time, most of it the workers'; a machine whose cores other suites share takes much longer.
  }, 240_000);
});
