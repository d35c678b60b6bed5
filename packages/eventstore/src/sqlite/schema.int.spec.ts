import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { anEvent } from '../../test/contract/context.ts';
import { DuplicateEventIdError } from '../port/errors.ts';
import { ANY, NO_STREAM } from '../port/expected-revision.ts';
import { schemaVersion } from './schema.ts';
import { openSqliteStore } from './sqlite-event-store.ts';

const directory = mkdtempSync(join(tmpdir(), 'eventstore-schema-'));
let files = 0;
const tempFile = () => join(directory, `events-${++files}.sqlite`);
afterAll(() => rmSync(directory, { recursive: true, force: true }));

// The file as the store wrote it at schema version 1 (before ids could be said to be their stream's own).
const version1 = `
CREATE TABLE events (
  position INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL, stream TEXT NOT NULL,
  revision INTEGER NOT NULL, type TEXT NOT NULL, schema_version INTEGER NOT NULL, data TEXT NOT NULL,
  occurred_at TEXT NOT NULL, recorded_at TEXT NOT NULL, actor TEXT NOT NULL, correlation_id TEXT NOT NULL,
  causation_id TEXT NOT NULL, hash TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX events_by_stream ON events (stream, revision);
CREATE UNIQUE INDEX events_by_id ON events (id);
PRAGMA user_version = 1;
`;

const indexesOf = (file: string) => {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    return db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' ORDER BY name")
      .all();
  } finally {
    db.close();
  }
};

describe('the sqlite event store schema', () => {
  it('brings a version 1 file to the current version, its events read and their ids still unique store-wide', async () => {
    const file = tempFile();
    // Events written by the code of version 1 (its schema, its hash chain).
    const old = await openSqliteStore({ file });
    const first = anEvent({ id: crypto.randomUUID() });
    await old.append('ticket-A', [first, anEvent()], { expectedRevision: NO_STREAM });
    await old.close();
    const db = new DatabaseSync(file);
    const rows = db.prepare('SELECT * FROM events ORDER BY position').all();
    db.exec('DROP TABLE events; DELETE FROM sqlite_sequence;');
    db.exec(version1);
    const columns = Object.keys(rows[0]!).filter((column) => column !== 'stream_scoped');
    const insert = db.prepare(
      `INSERT INTO events (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    );
    for (const row of rows) insert.run(...columns.map((column) => row[column] as string | number | bigint));
    db.close();

    const store = await openSqliteStore({ file });
    try {
      const version = new DatabaseSync(file, { readOnly: true });
      expect(version.prepare('PRAGMA user_version').get()).toEqual({ user_version: schemaVersion });
      version.close();
      expect(indexesOf(file).map((index) => index.name)).toEqual(['events_by_store_id', 'events_by_stream']);
      expect(await store.readStream('ticket-A')).toHaveLength(2);
      expect(await store.verify()).toEqual({ ok: true, checked: 2 });
      // An id recorded before stays unique across streams, even for an append that says its ids are its stream's.
      await expect(store.append('ticket-B', [first], { expectedRevision: ANY })).rejects.toBeInstanceOf(
        DuplicateEventIdError,
      );
      await expect(
        store.append('ticket-A', [first], { expectedRevision: NO_STREAM, idsUniqueIn: 'stream' }),
      ).resolves.toMatchObject({ written: false, firstRevision: 0n });
      const more = await store.append('ticket-A', [anEvent()], { expectedRevision: 1n, idsUniqueIn: 'stream' });
      expect(more).toMatchObject({ firstRevision: 2n, written: true });
    } finally {
      await store.close();
    }
  });

  it("keeps the ids said to be their stream's own out of the index on ids, and finds their replays in the stream", async () => {
    const file = tempFile();
    const store = await openSqliteStore({ file });
    try {
      const own = anEvent({ id: crypto.randomUUID() });
      const wide = anEvent({ id: crypto.randomUUID() });
      await store.append('ticket-A', [own], { expectedRevision: NO_STREAM, idsUniqueIn: 'stream' });
      await store.append('ticket-A', [wide], { expectedRevision: 0n });
      const db = new DatabaseSync(file, { readOnly: true });
      const indexed = db
        .prepare('SELECT id FROM events INDEXED BY events_by_store_id WHERE stream_scoped = 0 ORDER BY id')
        .all();
      db.close();
      expect(indexed).toEqual([{ id: wide.id }]);
      // The caller vouched that `own` cannot be on another stream: nothing there looks for it.
      await expect(store.append('ticket-B', [own], { expectedRevision: NO_STREAM })).resolves.toMatchObject({
        written: true,
      });
      // Its replay on its own stream is still found, from its stream's rows.
      await expect(
        store.append('ticket-A', [own], { expectedRevision: NO_STREAM, idsUniqueIn: 'stream' }),
      ).resolves.toMatchObject({ written: false, firstRevision: 0n });
      await expect(store.append('ticket-C', [wide], { expectedRevision: ANY })).rejects.toBeInstanceOf(
        DuplicateEventIdError,
      );
    } finally {
      await store.close();
    }
  });
});
