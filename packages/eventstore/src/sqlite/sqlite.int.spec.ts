import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { anEvent, events } from '../../test/contract/context.ts';
import { forgeAfterAppend } from '../../test/contract/forge.ts';
import { eventStoreContract } from '../../test/contract.ts';
import { NO_STREAM } from '../port/expected-revision.ts';
import { openSqliteStore, type SqliteEventStore } from './sqlite-event-store.ts';

const directory = mkdtempSync(join(tmpdir(), 'eventstore-sqlite-'));
let files = 0;
const tempFile = () => join(directory, `events-${++files}.sqlite`);
afterAll(() => rmSync(directory, { recursive: true, force: true }));

for (const fsync of ['in-commit', 'off-loop'] as const) {
  eventStoreContract(`sqlite (fsync ${fsync})`, (options) => openSqliteStore({ ...options, file: tempFile(), fsync }), {
    forge: (store, stream) =>
      forgeAfterAppend(store, stream, (revision) => {
        // Behind the store's back, as anyone with the file could.
        const db = new DatabaseSync((store as SqliteEventStore).file);
        db.prepare(`UPDATE events SET data = json_set(data, '$.forged', 1) WHERE stream = ? AND revision = ?`).run(
          stream,
          revision,
        );
        db.close();
      }),
  });
}

describe('sqlite event store with its fsync off the event loop', () => {
  it('answers an append, and shows it to its head and subscriptions, only once the WAL is fsynced', async () => {
    const store = await openSqliteStore({ file: tempFile(), fsync: 'off-loop' });
    const seen: bigint[] = [];
    const subscription = store.subscribe((event) => {
      seen.push(event.position);
    });
    let answered = false;
    const appended = store.append('ticket-1', events(2), { expectedRevision: NO_STREAM }).then((result) => {
      answered = true;
      return result;
    });
    // The lone append commits a microtask later; its fsync runs on the thread pool and ends in a later turn.
    await new Promise((resolve) => setImmediate(resolve));
    const other = new DatabaseSync(store.file, { readOnly: true });
    expect(other.prepare('SELECT COUNT(*) AS rows FROM events').get()).toEqual({ rows: 2 });
    other.close();
    expect(answered).toBe(false);
    expect(await store.headPosition()).toBe(0n);
    expect(await store.readAll()).toEqual([]);
    expect(seen).toEqual([]);

    const result = await appended;
    expect(await store.headPosition()).toBe(result.position);
    await expect.poll(() => seen).toEqual([1n, 2n]);
    await subscription.stop();
    await store.close();
  });

  it('keeps the WAL bounded under a steady load, its checkpoints taken by a thread of its own', async () => {
    const store = await openSqliteStore({ file: tempFile(), fsync: 'off-loop' });
    const pad = 'x'.repeat(3000);
    const writers = 16;
    const appendsPerWriter = 1500;
    let largestWal = 0;
    await Promise.all(
      Array.from({ length: writers }, async (_, writer) => {
        for (let i = 0; i < appendsPerWriter; i++) {
          const event = { type: 'TicketNoteAdded', data: { pad, i }, actor: 'test' };
          await store.append(`ticket-${writer}-${i}`, [event], { expectedRevision: NO_STREAM });
          if (i % 100 === 0) largestWal = Math.max(largestWal, statSync(`${store.file}-wal`).size);
        }
      }),
    );
    // Without checkpoints the WAL reaches 320 MB here (every page an append touches). With them the
    // writer is held for one once the WAL holds 4,096 pages (16 MB): 27 MB at most on a quiet machine,
    // 61 MB under a whole test run, since the checkpoint before the held one copies while this writes.
    expect(largestWal).toBeGreaterThan(0);
    expect(largestWal).toBeLessThan(128 * 1024 * 1024);
    expect(await store.verify()).toEqual({ ok: true, checked: writers * appendsPerWriter });
    await store.close();
  }, 60_000);

  it('opens a file in either mode, with what the other wrote', async () => {
    const file = tempFile();
    const first = await openSqliteStore({ file, fsync: 'off-loop' });
    await first.append('ticket-1', events(2), { expectedRevision: NO_STREAM });
    await first.close();
    const second = await openSqliteStore({ file });
    await second.append('ticket-1', events(1), { expectedRevision: 1n });
    await second.close();
    const third = await openSqliteStore({ file, fsync: 'off-loop' });
    expect(await third.headPosition()).toBe(3n);
    expect(await third.verify()).toEqual({ ok: true, checked: 3 });
    await third.close();
  });
});

describe('sqlite event store file', () => {
  it('is durable: WAL journal, synchronous=FULL', async () => {
    const store = await openSqliteStore({ file: tempFile() });
    const db = new DatabaseSync(store.file);
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    await store.close();
    db.close();
  });

  it('keeps every event when reopened', async () => {
    const file = tempFile();
    const first = await openSqliteStore({ file });
    const appended = await first.append('ticket-1', events(3), { expectedRevision: NO_STREAM });
    await first.close();
    const again = await openSqliteStore({ file });
    expect(await again.readStream('ticket-1')).toHaveLength(3);
    expect(await again.headPosition()).toBe(appended.position);
    expect(await again.verify()).toEqual({ ok: true, checked: 3 });
    await again.close();
  });

  it('keeps positions above 2^53 exact', async () => {
    const file = tempFile();
    const store = await openSqliteStore({ file });
    await store.append('ticket-1', events(1), { expectedRevision: NO_STREAM });
    const db = new DatabaseSync(file);
    db.exec(`UPDATE sqlite_sequence SET seq = 9007199254740993 WHERE name = 'events'`);
    db.close();
    const result = await store.append('ticket-1', [anEvent()], { expectedRevision: 0n });
    expect(result.position).toBe(9007199254740994n);
    const [event] = await store.readAll({ after: 9007199254740993n });
    expect(event?.position).toBe(9007199254740994n);
    await store.close();
  });

  it('groups concurrent appends into one transaction per commit', async () => {
    const store = await openSqliteStore({ file: tempFile() });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => store.append(`ticket-${i}`, events(1), { expectedRevision: NO_STREAM })),
    );
    const recordedAt = new Set((await store.readAll()).map((event) => event.recordedAt));
    expect(results.map((result) => result.position)).toEqual(Array.from({ length: 50 }, (_, i) => BigInt(i + 1)));
    // One group, one transaction: one recorded time.
    expect(recordedAt.size).toBe(1);
    await store.close();
  });

  it('commits a lone append at once, without waiting for a turn of the event loop', async () => {
    const store = await openSqliteStore({ file: tempFile() });
    let turned = false;
    setImmediate(() => {
      turned = true;
    });
    await store.append('ticket-1', events(1), { expectedRevision: NO_STREAM });
    expect(turned).toBe(false);
    await store.close();
  });

  it('gathers the appends its commits wake into the next group', async () => {
    // The clock is read once per transaction: its calls count the groups.
    let groups = 0;
    const clock = () => {
      groups++;
      return new Date();
    };
    const store = await openSqliteStore({ file: tempFile(), clock });
    const writers = 10;
    const appendsPerWriter = 5;
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let i = 0; i < appendsPerWriter; i++) {
          // A caller that does some asynchronous work of its own between appends.
          for (let hop = 0; hop < w; hop++) await Promise.resolve();
          await store.append(`ticket-${w}`, events(1), { expectedRevision: i === 0 ? NO_STREAM : BigInt(i - 1) });
        }
      }),
    );
    expect(await store.verify()).toEqual({ ok: true, checked: writers * appendsPerWriter });
    // The very first append may commit alone, at once; after it, a group per round of appends.
    expect(groups).toBeLessThanOrEqual(appendsPerWriter + 1);
    await store.close();
  });

  it("gathers the appends of separate callbacks of one turn of the event loop (a server's requests)", async () => {
    let groups = 0;
    const clock = () => {
      groups++;
      return new Date();
    };
    const store = await openSqliteStore({ file: tempFile(), clock });
    const appended = await Promise.all(
      Array.from(
        { length: 10 },
        (_, i) =>
          new Promise((resolve, reject) => {
            setImmediate(() => {
              store.append(`ticket-${i}`, events(1), { expectedRevision: NO_STREAM }).then(resolve, reject);
            });
          }),
      ),
    );
    expect(appended).toHaveLength(10);
    // The first commits at once; the nine others, made after it in the same turn, share a commit.
    expect(groups).toBe(2);
    await store.close();
  });
});
