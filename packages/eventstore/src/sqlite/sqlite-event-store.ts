import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { ChainVerifier } from '../hash-chain/chain-verifier.ts';
import type { EventData, NewEvent, RecordedEvent } from '../port/envelope.ts';
import { StoreClosedError } from '../port/errors.ts';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  StoreOptions,
  VerifyOptions,
  VerifyReport,
} from '../port/event-store.ts';
import { checkStreamName, prepareEvents } from '../port/pending-event.ts';
import type { EventHandler, SubscribeOptions, Subscription } from '../port/subscription.ts';
import { upcastEvent } from '../port/upcaster.ts';
import { ChangeSignal } from '../subscription/change-signal.ts';
import { LogTail, subscriptionPaging } from '../subscription/log-tail.ts';
import { PollingSubscription } from '../subscription/polling-subscription.ts';
import { BackgroundCheckpoints } from './background-checkpoints.ts';
import { isBusy, storeBusy } from './busy-lock.ts';
import { GroupCommitWriter } from './group-commit.ts';
import { applyCaching, applyDurability, createSchema, type EventRow, eventColumns } from './schema.ts';
import { WalSync } from './wal-sync.ts';

export interface SqliteStoreOptions extends StoreOptions {
  /** The database file, created if missing. */
  file: string;
  /** How long a writer waits for another process's transaction before failing (5 s). */
  busyTimeoutMs?: number;
  /** How often subscriptions look for other processes' commits (100 ms); this process's commits wake them at once. */
  pollIntervalMs?: number;
  /** Most appends in one group commit (1,000). */
  maxGroupSize?: number;
  /**
   * Where a commit is fsynced. `in-commit` (the default): by SQLite, inside the commit, on the
   * event loop (synchronous=FULL); right for a file several processes write and read. `off-loop`:
   * the WAL is fsynced on libuv's thread pool after the commit (synchronous=NORMAL), while the
   * next group is being written; no append of a group is answered, and no subscription of this
   * process nor its head sees the group, before that fsync. Stream reads may see a group up to one
   * fsync early, and so may other processes: a power loss in that millisecond loses what they saw,
   * never anything acknowledged. For a file one process writes (the embedded product).
   */
  fsync?: 'in-commit' | 'off-loop';
  /**
   * Told when the store goes on in a lesser way, with what and why, for an operator to hear of it:
   * nothing is lost, but something runs slower (today: the checkpoint thread failed).
   */
  onDegraded?: (what: string, error: Error) => void;
}

/** SQLite's largest integer: past every revision and every position. */
const int64Max = 9223372036854775807n;
const byRevision = (a: EventRow, b: EventRow) => (a.revision < b.revision ? -1 : a.revision > b.revision ? 1 : 0);

/**
 * The embedded adapter: one SQLite file through node:sqlite, durable on every commit before it is
 * acknowledged (WAL, fsynced in the commit or on the thread pool: `fsync`), safe for several
 * processes at once (BEGIN IMMEDIATE, busy timeout, revisions read inside the write transaction),
 * with group commit within a process.
 */
export async function openSqliteStore(options: SqliteStoreOptions): Promise<SqliteEventStore> {
  return new SqliteEventStore(options);
}

export class SqliteEventStore implements EventStore {
  readonly file: string;
  #db: DatabaseSync;
  #options: SqliteStoreOptions;
  #writer: GroupCommitWriter;
  #changes = new ChangeSignal();
  #subscriptions = new Set<Subscription>();
  #closed = false;
  #forwards: StatementSync;
  #wholeForwards: StatementSync;
  #backwards: StatementSync;
  #after: StatementSync;
  #head: StatementSync;
  #log: LogTail<EventRow>;
  #walSync: WalSync | undefined;
  #checkpoints: BackgroundCheckpoints | undefined;
  /** What this process's subscriptions and head may see: every position up to here is on disk. */
  #durableHead = int64Max;

  constructor(options: SqliteStoreOptions) {
    this.file = options.file;
    this.#options = options;
    this.#db = new DatabaseSync(options.file);
    const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
    const offLoop = options.fsync === 'off-loop';
    try {
      applyDurability(this.#db, { busyTimeoutMs, fsyncInCommit: !offLoop });
      applyCaching(this.#db);
      createSchema(this.#db);
    } catch (error) {
      this.#db.close();
      // A new file (its journal mode or schema still to write) waits for another process's lock.
      if (isBusy(error))
        throw storeBusy(
          error,
          busyTimeoutMs,
          'this process could not open the file and wrote nothing; retry opening it',
        );
      throw error;
    }
    if (offLoop) this.#walSync = new WalSync(`${options.file}-wal`);
    const walSync = this.#walSync;
    this.#writer = new GroupCommitWriter(this.#db, {
      clock: options.clock ?? (() => new Date()),
      onCommit: (last) => {
        if (walSync !== undefined && last > this.#durableHead) this.#durableHead = last;
        this.#checkpoints?.committed();
        this.#changes.notify();
      },
      ...(walSync === undefined ? {} : { durable: () => walSync.durable() }),
      maxGroupSize: options.maxGroupSize ?? 1000,
      busyTimeoutMs,
    });
    const select = `SELECT ${eventColumns} FROM events`;
    this.#forwards = this.#db.prepare(`${select} WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?`);
    // Without ORDER BY, sorted here: the clause cost a statement about 10 µs, doubling a command's
    // read of its stream, though the unique index on (stream, revision) gives the rows in order.
    this.#wholeForwards = this.#db.prepare(`${select} WHERE stream = ? AND revision >= ?`);
    this.#backwards = this.#db.prepare(`${select} WHERE stream = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`);
    this.#after = this.#db.prepare(`${select} WHERE position > ? AND position <= ? ORDER BY position LIMIT ?`);
    this.#head = this.#db.prepare('SELECT COALESCE(MAX(position), 0) AS head FROM events');
    const statements = [this.#forwards, this.#wholeForwards, this.#backwards, this.#after, this.#head];
    for (const statement of statements) statement.setReadBigInts(true);
    if (offLoop) {
      // What was in the file at opening is on disk or was recovered from it.
      this.#durableHead = this.#readHead();
      this.#checkpoints = this.#checkpointOffLoop(busyTimeoutMs);
    }
    this.#log = new LogTail<EventRow>(
      {
        readPage: (after, limit) => this.#readPage(after, limit),
        toEvent: (row) => this.#toEvent(row),
        changes: this.#changes,
      },
      subscriptionPaging,
    );
  }

  async append(stream: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    // Checked and encoded here, outside the write transaction that holds the lock.
    return this.#writer.submit(stream, prepareEvents(stream, events), options.expectedRevision, options.idsUniqueIn);
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.#ensureOpen();
    checkStreamName(stream);
    const limit = options.maxCount ?? -1;
    let rows: EventRow[];
    if (options.direction === 'backwards') {
      rows = this.#backwards.all(stream, options.fromRevision ?? int64Max, limit) as unknown as EventRow[];
    } else if (options.maxCount === undefined) {
      rows = this.#wholeForwards.all(stream, options.fromRevision ?? 0n) as unknown as EventRow[];
      rows.sort(byRevision);
    } else {
      rows = this.#forwards.all(stream, options.fromRevision ?? 0n, limit) as unknown as EventRow[];
    }
    return rows.map((row) => this.#toEvent(row));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.#readPage(options.after ?? 0n, options.maxCount ?? -1).map((row) => this.#toEvent(row));
  }

  async headPosition(): Promise<bigint> {
    this.#ensureOpen();
    return this.#walSync === undefined ? this.#readHead() : this.#durableHead;
  }

  subscribe(handler: EventHandler, options: SubscribeOptions = {}): Subscription {
    this.#ensureOpen();
    const subscription = new PollingSubscription(this.#log, handler, options, {
      pageSize: subscriptionPaging.pageSize,
      pollIntervalMs: this.#options.pollIntervalMs ?? 100,
    });
    this.#subscriptions.add(subscription);
    subscription.done.finally(() => this.#subscriptions.delete(subscription)).catch(() => {});
    return subscription;
  }

  async verify(options: VerifyOptions = {}): Promise<VerifyReport> {
    this.#ensureOpen();
    const select = `SELECT ${eventColumns} FROM events`;
    const rows =
      options.stream === undefined
        ? this.#db.prepare(`${select} ORDER BY position`)
        : this.#db.prepare(`${select} WHERE stream = ? ORDER BY revision`);
    rows.setReadBigInts(true);
    const verifier = new ChainVerifier();
    const parameters = options.stream === undefined ? [] : [options.stream];
    for (const row of rows.iterate(...parameters) as unknown as Iterable<EventRow>) {
      // The stored text is what was hashed: verify it as it is, byte for byte.
      const stored = { ...row, schemaVersion: Number(row.schemaVersion), dataJson: row.data };
      if (!verifier.check(stored)) break;
    }
    return verifier.report();
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.all([...this.#subscriptions].map((subscription) => subscription.stop()));
    this.#writer.close();
    await this.#walSync?.close();
    await this.#checkpoints?.close();
    this.#db.close();
  }

  /** The fsyncs of checkpoints leave the event loop with those of commits. */
  #checkpointOffLoop(busyTimeoutMs: number): BackgroundCheckpoints {
    this.#db.exec('PRAGMA wal_autocheckpoint = 0');
    return new BackgroundCheckpoints({
      file: this.file,
      busyTimeoutMs,
      holdWriter: (until) => this.#writer.hold(until),
      onFailure: (error) => {
        if (this.#closed) return;
        // Back to SQLite's own checkpoints, in the commits: slower, but the WAL stays bounded.
        this.#db.exec('PRAGMA wal_autocheckpoint = 1000');
        this.#options.onDegraded?.(
          'the event store checkpoint thread failed: checkpoints run in the commits again, on the event loop',
          error,
        );
      },
    });
  }

  #ensureOpen(): void {
    if (this.#closed) throw new StoreClosedError();
  }

  #readPage(after: bigint, limit: number): EventRow[] {
    this.#ensureOpen();
    return this.#after.all(after, this.#durableHead, limit) as unknown as EventRow[];
  }

  #readHead(): bigint {
    return (this.#head.get() as { head: bigint }).head;
  }

  #toEvent(row: EventRow): RecordedEvent {
    const event: RecordedEvent = {
      id: row.id,
      type: row.type,
      schemaVersion: Number(row.schemaVersion),
      stream: row.stream,
      revision: row.revision,
      position: row.position,
      recordedAt: row.recordedAt,
      occurredAt: row.occurredAt,
      actor: row.actor,
      correlationId: row.correlationId,
      causationId: row.causationId,
      data: JSON.parse(row.data) as EventData,
      hash: row.hash,
    };
    return upcastEvent(this.#options.upcast, event);
  }
}
