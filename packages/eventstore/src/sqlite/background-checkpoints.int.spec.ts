import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { BackgroundCheckpoints } from './background-checkpoints.ts';
import { applyDurability, createSchema } from './schema.ts';

const directory = mkdtempSync(join(tmpdir(), 'eventstore-checkpoints-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('background checkpoints', () => {
  it('copies the WAL into the database file after a commit, on its own thread', async () => {
    const file = join(directory, 'events.sqlite');
    const db = new DatabaseSync(file);
    applyDurability(db, { busyTimeoutMs: 1000, fsyncInCommit: false });
    db.exec('PRAGMA wal_autocheckpoint = 0');
    createSchema(db);
    const failures: Error[] = [];
    const checkpoints = new BackgroundCheckpoints({
      file,
      busyTimeoutMs: 1000,
      intervalMs: 10,
      holdWriter: () => {},
      onFailure: (error) => failures.push(error),
    });
    const sizeBefore = statSync(file).size;
    db.exec(`CREATE TABLE pad (text TEXT);
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)
      INSERT INTO pad SELECT hex(randomblob(2000)) FROM n`);
    checkpoints.committed();
    await expect.poll(() => statSync(file).size, { timeout: 5000 }).toBeGreaterThan(sizeBefore + 400_000);
    await checkpoints.close();
    db.close();
    expect(failures).toEqual([]);
  });

  it('tells its owner when its thread fails, so that the store falls back and says so', async () => {
    const failures: Error[] = [];
    // A directory is no database file: the thread fails as it opens it.
    const checkpoints = new BackgroundCheckpoints({
      file: directory,
      busyTimeoutMs: 1000,
      holdWriter: () => {},
      onFailure: (error) => failures.push(error),
    });
    await expect.poll(() => failures.length, { timeout: 5000 }).toBe(1);
    expect(failures[0]?.message).toMatch(/unable to open database file/);
    // Once failed, commits start no checkpoint and closing does not wait for the thread.
    checkpoints.committed();
    await checkpoints.close();
    expect(failures).toHaveLength(1);
  });
});
