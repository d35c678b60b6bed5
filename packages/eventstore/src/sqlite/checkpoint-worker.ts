// The WAL checkpoints of a store whose commits are fsynced off the event loop, on a connection of
// this thread's own: copying the WAL's pages into the database file and fsyncing both takes
// milliseconds that would otherwise stall the event loop at every thousandth page.
import { DatabaseSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';

export interface CheckpointRequest {
  readonly file: string;
  readonly busyTimeoutMs: number;
}

export interface CheckpointDone {
  /** Frames in the WAL, and how many of them are now in the database file. */
  readonly log: number;
  readonly checkpointed: number;
}

const { file, busyTimeoutMs } = workerData as CheckpointRequest;
const db = new DatabaseSync(file);
db.exec(`PRAGMA busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
// A checkpoint syncs the WAL before copying it and the database file after: FULL or NORMAL alike.
db.exec('PRAGMA synchronous = FULL');
db.exec('PRAGMA wal_autocheckpoint = 0');
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');

parentPort?.on('message', (message: 'checkpoint' | 'close') => {
  if (message === 'close') {
    db.close();
    parentPort?.close();
    return;
  }
  const { log, checkpointed } = checkpoint.get() as { busy: number; log: number; checkpointed: number };
  parentPort?.postMessage({ log, checkpointed } satisfies CheckpointDone);
});
