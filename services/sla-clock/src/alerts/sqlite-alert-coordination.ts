import { randomUUID } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';
import { setTimeout as delay } from 'node:timers/promises';
import {
  FencedError,
  type FenceToken,
  type Lease,
  type RelayCheckpoints,
  type RelayLeadership,
} from '@hotline/messaging';

export interface SqliteAlertCoordinationOptions {
  /** How long a lease lives without renewal: how long a dead dispatcher's successor waits (10 s). */
  readonly leaseTtlMs?: number;
  /** This dispatcher's name in the lease (a random id by default). */
  readonly owner?: string;
}

/**
 * The alert dispatcher's lease and checkpoint in SQLite, for the embedded mode, where there is no
 * Redis: a small database next to the store's file (see `alertCoordinationFor`). It keeps the
 * relay's guarantees (`RedisRelayCoordination`): one active dispatcher per lease, a fencing token
 * drawn with the lease in one transaction, and a checkpoint write refused to any token but the
 * latest. Each transaction is `BEGIN IMMEDIATE`, so processes sharing the file take turns.
 *
 * The checkpoint is written with `synchronous=NORMAL`: a power loss may undo the last writes, and the
 * alerts after the surviving checkpoint are then published again, which at-least-once allows and the
 * alert ids let consumers drop. The store's facts themselves keep their own fsync per commit.
 */
export class SqliteAlertCoordination implements RelayLeadership, RelayCheckpoints {
  readonly owner: string;
  #db: DatabaseSync;
  #ttlMs: number;

  constructor(db: DatabaseSync, options: SqliteAlertCoordinationOptions = {}) {
    this.#db = db;
    this.#ttlMs = options.leaseTtlMs ?? 10_000;
    this.owner = options.owner ?? randomUUID();
    db.exec(`
      PRAGMA busy_timeout = 5000;
      CREATE TABLE IF NOT EXISTS alert_dispatch (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        owner TEXT,
        token INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        checkpoint TEXT NOT NULL
      );
      INSERT OR IGNORE INTO alert_dispatch (id, owner, token, expires_at, checkpoint) VALUES (1, NULL, 0, 0, '0');
    `);
  }

  /** A database file of its own (WAL, so a reader never waits for the dispatcher's writes). */
  static open(file: string, options: SqliteAlertCoordinationOptions = {}): SqliteAlertCoordination {
    const db = new DatabaseSync(file);
    db.exec('PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;');
    return new SqliteAlertCoordination(db, options);
  }

  async acquire(signal: AbortSignal): Promise<Lease> {
    for (;;) {
      signal.throwIfAborted();
      const token = this.#transaction(() => {
        const row = this.#row();
        if (row.owner !== null && row.expires_at > Date.now()) return null;
        const next = row.token + 1;
        this.#db
          .prepare('UPDATE alert_dispatch SET owner = ?, token = ?, expires_at = ? WHERE id = 1')
          .run(this.owner, next, Date.now() + this.#ttlMs);
        return BigInt(next);
      });
      if (token !== null) return this.#hold(token);
      await delay(Math.max(20, Math.floor(this.#ttlMs / 3)), undefined, { signal }).catch(() => {});
    }
  }

  async load(): Promise<bigint> {
    return BigInt(this.#row().checkpoint);
  }

  async save(position: bigint, token: FenceToken): Promise<void> {
    const fenced = this.#transaction(() => {
      const row = this.#row();
      if (BigInt(row.token) !== token) return true;
      // Positions may pass 2^53: kept as decimal text, compared as bigints.
      if (position > BigInt(row.checkpoint)) {
        this.#db.prepare('UPDATE alert_dispatch SET checkpoint = ? WHERE id = 1').run(position.toString());
      }
      return false;
    });
    if (fenced) throw new FencedError(token);
  }

  /** Closes the connection (not a shared one: see `alertCoordinationFor`). */
  close(): void {
    if (this.#db.isOpen) this.#db.close();
  }

  #row(): { owner: string | null; token: number; expires_at: number; checkpoint: string } {
    return this.#db.prepare('SELECT owner, token, expires_at, checkpoint FROM alert_dispatch WHERE id = 1').get() as {
      owner: string | null;
      token: number;
      expires_at: number;
      checkpoint: string;
    };
  }

  #transaction<T>(work: () => T): T {
    this.#db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      this.#db.exec('COMMIT');
      return result;
    } catch (error) {
      this.#db.exec('ROLLBACK');
      throw error;
    }
  }

  /** Renewed at a third of its lifetime while held, as the relay's Redis lease is. */
  #hold(token: FenceToken): Lease {
    const lost = new AbortController();
    const held = () =>
      this.#db.isOpen &&
      this.#transaction(() => {
        const row = this.#row();
        if (row.owner !== this.owner || BigInt(row.token) !== token) return false;
        this.#db.prepare('UPDATE alert_dispatch SET expires_at = ? WHERE id = 1').run(Date.now() + this.#ttlMs);
        return true;
      });
    const timer = setInterval(
      () => {
        try {
          if (!held()) lost.abort(new FencedError(token));
        } catch (error) {
          lost.abort(error);
        }
      },
      Math.max(20, Math.floor(this.#ttlMs / 3)),
    );
    timer.unref();
    lost.signal.addEventListener('abort', () => clearInterval(timer), { once: true });
    return {
      token,
      lost: lost.signal,
      release: async () => {
        clearInterval(timer);
        if (!lost.signal.aborted) lost.abort(new Error('released'));
        if (!this.#db.isOpen) return;
        this.#transaction(() => {
          this.#db
            .prepare('UPDATE alert_dispatch SET owner = NULL, expires_at = 0 WHERE id = 1 AND owner = ? AND token = ?')
            .run(this.owner, Number(token));
        });
      },
    };
  }
}
