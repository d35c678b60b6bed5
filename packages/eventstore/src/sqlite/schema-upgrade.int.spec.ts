import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { events } from '../../test/contract/context.ts';
import { ANY, NO_STREAM } from '../port/expected-revision.ts';
import { schemaVersion } from './schema.ts';
import { openSqliteStore } from './sqlite-event-store.ts';

const directory = mkdtempSync(join(tmpdir(), 'eventstore-upgrade-'));
let files = 0;
const tempFile = () => join(directory, `events-${++files}.sqlite`);
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** Schema 1 as it was released: streams by name, ids unique across the log. */
const schemaOne = `
CREATE TABLE events (
  position INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL, stream TEXT NOT NULL,
  revision INTEGER NOT NULL, type TEXT NOT NULL, schema_version INTEGER NOT NULL, data TEXT NOT NULL,
  occurred_at TEXT NOT NULL, recorded_at TEXT NOT NULL, actor TEXT NOT NULL,
  correlation_id TEXT NOT NULL, causation_id TEXT NOT NULL, hash TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX events_by_stream ON events (stream, revision);
CREATE UNIQUE INDEX events_by_id ON events (id);
`;

/** Rewrites a file of this schema as schema 1 held it, with AUTOINCREMENT's mark past the last position. */
function downgradeToSchemaOne(file: string, mark: number): void {
  const db = new DatabaseSync(file);
  db.exec(`BEGIN;
    ALTER TABLE events RENAME TO numbered;
    DROP INDEX events_by_stream; DROP INDEX events_by_stream_id;
    ${schemaOne}
    INSERT INTO events SELECT n.position, n.id, s.name, n.revision, n.type, n.schema_version, n.data,
      n.occurred_at, n.recorded_at, n.actor, n.correlation_id, n.causation_id, n.hash
      FROM numbered n JOIN streams s ON s.no = n.stream_no;
    DROP TABLE numbered; DROP TABLE streams;
    UPDATE sqlite_sequence SET seq = ${mark} WHERE name = 'events';
    PRAGMA user_version = 1;
    COMMIT;`);
  db.close();
}

const versionOf = (file: string) => {
  const db = new DatabaseSync(file);
  const { user_version } = db.prepare('PRAGMA user_version').get() as { user_version: number };
  db.close();
  return user_version;
};

describe('a file of schema 1', () => {
  it('is upgraded at opening with every event, position, revision and hash as it was', async () => {
    const file = tempFile();
    const store = await openSqliteStore({ file });
    const [first, second, third] = ['ticket-1', 'ticket-2', 'ticket-3'];
    // Interleaved, so that stream numbers (order of creation) and positions differ.
    await store.append(second, events(2), { expectedRevision: NO_STREAM });
    await store.append(first, events(1), { expectedRevision: NO_STREAM });
    await store.append(second, events(1), { expectedRevision: 1n });
    await store.append(third, events(3), { expectedRevision: NO_STREAM });
    await store.append(first, events(2), { expectedRevision: 0n });
    const before = await store.readAll();
    await store.close();
    const mark = Number(before.at(-1)?.position) + 5;
    downgradeToSchemaOne(file, mark);
    expect(versionOf(file)).toBe(1);

    const upgraded = await openSqliteStore({ file });
    expect(versionOf(file)).toBe(schemaVersion);
    expect(await upgraded.readAll()).toEqual(before);
    expect(await upgraded.readStream(first)).toEqual(before.filter((event) => event.stream === first));
    expect(await upgraded.verify()).toEqual({ ok: true, checked: before.length });
    // Positions only grow: the next one follows the mark schema 1 had reached, not the last event.
    const next = await upgraded.append(first, events(1), { expectedRevision: 2n });
    expect(next.position).toBe(BigInt(mark + 1));
    // A replay is still recognized among the events written before the upgrade.
    const replayed = before
      .filter((event) => event.stream === third)
      .map(({ id, type, data, actor, occurredAt }) => ({ id, type, data, actor, occurredAt }));
    expect(await upgraded.append(third, replayed, { expectedRevision: ANY })).toMatchObject({ written: false });
    await upgraded.close();
  });

  it('is refused by code that knows an older schema than the file', async () => {
    const file = tempFile();
    (await openSqliteStore({ file })).close();
    const db = new DatabaseSync(file);
    db.exec(`PRAGMA user_version = ${schemaVersion + 1}`);
    db.close();
    await expect(openSqliteStore({ file })).rejects.toThrow(
      `the event store file has schema ${schemaVersion + 1}; this code knows up to ${schemaVersion}`,
    );
  });
});
