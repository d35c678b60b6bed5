import { randomUUID } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';
import { FencedError, type FenceToken, type Lease, type RelayCoordination } from './relay-coordination.ts';
import { acquireLease, type LeaseStore } from './renewed-lease.ts';

export interface SqliteRelayCoordinationOptions {
  /** Which coordination of the database: one row each (the relay's, the SLA clock's alerts…). */
  readonly name?: string;
  /** How long a lease lives without renewal: how long a dead holder's successor waits (10 s). */
  readonly leaseTtlMs?: number;
  /** This holder's name in the lease (a random id by default). */
  readonly owner?: string;
}

interface Row {
  owner: string | null;
  token: number;
  expires_at: number;
  checkpoint: string;
}

/**
 * The lease and checkpoint in SQLite, for the embedded mode, where there is no Redis: typically a small
 * database next to the store's file, shared by the processes that open it. It keeps the guarantees of
 * `RedisRelayCoordination`: one holder per lease, a fencing token drawn with the lease in one
 * transaction, a checkpoint write refused to any token but the latest, a position never moved back.
 * Each transaction is `BEGIN IMMEDIATE`, so processes sharing the file take turns.
 *
 * `open` writes with `synchronous=NORMAL`: a power loss may undo the last checkpoint writes, and what
 * follows the surviving checkpoint is then published again, which at-least-once delivery allows and
 * idempotent consumers drop. The store's events keep their own fsync per commit.
 */
export class SqliteRelayCoordination implements RelayCoordination {
  readonly owner: string;
  readonly name: string;
  #db: DatabaseSync;
  #ttlMs: number;
  #lease: LeaseStore;

  constructor(db: DatabaseSync, options: SqliteRelayCoordinationOptions = {}) {
    this.#db = db;
    this.#ttlMs = options.leaseTtlMs ?? 10_000;
    this.owner = options.owner ?? randomUUID();
    this.name = options.name ?? 'relay:support.events.v1';
    db.exec(`
      PRAGMA busy_timeout = 5000;
      CREATE TABLE IF NOT EXISTS relay_coordination (
        name TEXT PRIMARY KEY,
        owner TEXT,
        token INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        checkpoint TEXT NOT NULL
      );
    `);
    db.prepare(
      `INSERT OR IGNORE INTO relay_coordination (name, owner, token, expires_at, checkpoint) VALUES (?, NULL, 0, 0, '0')`,
    ).run(this.name);
    this.#lease = {
      take: async () => this.#take(),
      renew: async (token) => this.#db.isOpen && this.#renew(token),
      release: async (token) => {
        if (!this.#db.isOpen) return;
        this.#transaction(() =>
          this.#db
            .prepare(
              'UPDATE relay_coordination SET owner = NULL, expires_at = 0 WHERE name = ? AND owner = ? AND token = ?',
            )
            .run(this.name, this.owner, Number(token)),
        );
      },
    };
  }

  /** A database file of its own (WAL, so a reader never waits for the holder's writes). */
  static open(file: string, options: SqliteRelayCoordinationOptions = {}): SqliteRelayCoordination {
    const db = new DatabaseSync(file);
    db.exec('PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;');
    return new SqliteRelayCoordination(db, options);
  }

  acquire(signal: AbortSignal): Promise<Lease> {
    return acquireLease(this.#lease, this.#ttlMs, signal);
  }

  async load(): Promise<bigint> {
    return BigInt(this.#row().checkpoint);
  }

  async save(position: bigint, token: FenceToken): Promise<void> {
    const fenced = this.#transaction(() => {
      const row = this.#row();
      if (BigInt(row.token) !== token) return true;
      // Positions may pass 2^53: kept as decimal text, compared as bigints.
      if (position > BigInt(row.checkpoint)) this.#update('checkpoint = ?', position.toString());
      return false;
    });
    if (fenced) throw new FencedError(token);
  }

  /** Closes the connection (not a shared one: one holder's own file). */
  close(): void {
    if (this.#db.isOpen) this.#db.close();
  }

  #take(): FenceToken | null {
    return this.#transaction(() => {
      const row = this.#row();
      if (row.owner !== null && row.expires_at > Date.now()) return null;
      const next = row.token + 1;
      this.#update('owner = ?, token = ?, expires_at = ?', this.owner, next, Date.now() + this.#ttlMs);
      return BigInt(next);
    });
  }

  #renew(token: FenceToken): boolean {
    return this.#transaction(() => {
      const row = this.#row();
      if (row.owner !== this.owner || BigInt(row.token) !== token) return false;
      this.#update('expires_at = ?', Date.now() + this.#ttlMs);
      return true;
    });
  }

  #row(): Row {
    return this.#db
      .prepare('SELECT owner, token, expires_at, checkpoint FROM relay_coordination WHERE name = ?')
      .get(this.name) as unknown as Row;
  }

  #update(set: string, ...values: (string | number)[]): void {
    this.#db.prepare(`UPDATE relay_coordination SET ${set} WHERE name = ?`).run(...values, this.name);
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
}
