import { DatabaseSync } from 'node:sqlite';
import { applyDurability, createSchema } from '../src/sqlite/schema.ts';
import { batchStream, type Contender, singleStream, ticketEvent, workload } from './workload.ts';

const columns = `id, stream, revision, type, schema_version, data, occurred_at, recorded_at, actor,
  correlation_id, causation_id, hash`;
const fixedHash = 'f'.repeat(64);

/**
 * The floor: node:sqlite doing the same inserts and reads on the same schema with the same
 * durability (WAL, synchronous=FULL, BEGIN IMMEDIATE, a commit per append), none of the store's
 * logic: no revision check, no hash, no envelope, no group commit.
 */
export function openRawSqlite(file: string): Contender {
  const db = new DatabaseSync(file);
  applyDurability(db, { busyTimeoutMs: 5000, fsyncInCommit: true });
  createSchema(db);
  const insert = db.prepare(`INSERT INTO events (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const byStream = db.prepare('SELECT * FROM events WHERE stream = ? ORDER BY revision');
  const all = db.prepare('SELECT * FROM events ORDER BY position');
  const revisions = new Map<string, number>();
  let batchesWritten = 0;
  const write = (stream: string, index: number) => {
    const revision = revisions.get(stream) ?? 0;
    revisions.set(stream, revision + 1);
    const event = ticketEvent(stream, index);
    const now = new Date().toISOString();
    const id = crypto.randomUUID();
    insert.run(id, stream, revision, event.type, 1, JSON.stringify(event.data), now, now, 'agent-7', id, id, fixedHash);
  };
  const parseAll = (rows: Record<string, unknown>[]) => {
    for (const row of rows) JSON.parse(row.data as string);
    return rows.length;
  };
  return {
    name: 'raw',
    async appendSingles(round) {
      for (let i = 0; i < workload.singleAppends; i++) {
        db.exec('BEGIN IMMEDIATE');
        write(singleStream(i), round * workload.singleAppends + i);
        db.exec('COMMIT');
      }
    },
    async appendBatches() {
      for (let b = 0; b < workload.batches; b++) {
        const stream = batchStream(batchesWritten++);
        db.exec('BEGIN IMMEDIATE');
        for (let i = 0; i < workload.batchSize; i++) write(stream, i);
        db.exec('COMMIT');
      }
    },
    async readStreams() {
      let read = 0;
      for (let b = 0; b < batchesWritten; b++) read += parseAll(byStream.all(batchStream(b)));
      return read;
    },
    async readAll() {
      return parseAll(all.all());
    },
    async close() {
      db.close();
    },
  };
}
