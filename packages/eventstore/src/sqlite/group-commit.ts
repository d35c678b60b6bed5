import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { GENESIS_HASH } from '../hash-chain/event-hash.ts';
import { DuplicateEventIdError, RevisionConflictError, StoreClosedError } from '../port/errors.ts';
import type { AppendResult } from '../port/event-store.ts';
import { type ExpectedRevision, NO_STREAM, satisfies } from '../port/expected-revision.ts';
import { type PendingEvent, sealEvent } from '../port/pending-event.ts';
import { isBusy, storeBusy } from './busy-lock.ts';

interface AppendRequest {
  stream: string;
  events: PendingEvent[];
  expected: ExpectedRevision;
  /** The ids cannot be on another stream (`AppendOptions.idsUniqueIn`): looked for in this one only. */
  streamScoped: boolean;
  resolve: (result: AppendResult) => void;
  reject: (error: Error) => void;
}

type Outcome = { ok: true; result: AppendResult } | { ok: false; error: Error };

export interface GroupCommitOptions {
  clock: () => Date;
  /** After each group is committed (and durable), with the last position it wrote (0 if none). */
  onCommit: (lastPosition: bigint) => void;
  /**
   * Where the commit is not fsynced by SQLite itself: resolves once the group is on disk, and
   * nothing of the group is answered before then.
   */
  durable?: () => Promise<void>;
  maxGroupSize: number;
  busyTimeoutMs: number;
}

const lastPositionOf = (outcomes: readonly Outcome[]) =>
  outcomes.reduce(
    (last, outcome) =>
      outcome.ok && outcome.result.written && outcome.result.position > last ? outcome.result.position : last,
    0n,
  );

/** A stream's last event within the open transaction; null: no stream. */
type Head = { revision: bigint; hash: string } | null;

const uniqueConstraintFailed = 2067;

/**
 * Group commit: appends submitted together are written in one transaction, so one fsync
 * acknowledges them all. Each append keeps its own expected-revision check, and a multi-event
 * append runs in a savepoint, so a failing append is left out of the group without failing the
 * others. node:sqlite is synchronous: a flush runs from start to commit without yielding, and
 * appends made meanwhile (by callers resuming from the previous flush) form the next group.
 *
 * When to flush. Waiting for a turn of the event loop (setImmediate) gathers every append made
 * meanwhile: those of the callers the previous commit woke up, whatever their own awaits, and
 * those of the other I/O callbacks of this turn (a server's requests). It costs a lone append
 * a few microseconds, so an append commits at once (a microtask later: the appends of the same
 * tick still join it) when the writer is idle: the previous group held one append and no
 * commit made at once has happened since the last turn. An append that follows such a commit
 * waits for the turn, since nothing tells a caller's next append from another caller's; if it
 * comes alone, the one after commits at once again.
 */
export class GroupCommitWriter {
  #db: DatabaseSync;
  #clock: () => Date;
  #onCommit: (lastPosition: bigint) => void;
  #durable: (() => Promise<void>) | undefined;
  #maxGroupSize: number;
  #busyTimeoutMs: number;
  #queue: AppendRequest[] = [];
  #scheduled = false;
  #flushAtOnce = () => this.#flush(true);
  #flushOnTurn = () => this.#flush(false);
  /** The previous group held several appends: wait for a turn of the event loop before the next flush. */
  #contended = false;
  /** A group was committed at once, since the last turn of the event loop. */
  #committedAtOnce = false;
  #closed = false;
  /** No transaction begins before it settles (a checkpoint that must see the WAL still). */
  #held: Promise<void> | undefined;
  #head: StatementSync;
  #byId: StatementSync;
  #inStream: StatementSync;
  #insert: StatementSync;

  constructor(db: DatabaseSync, options: GroupCommitOptions) {
    this.#db = db;
    this.#clock = options.clock;
    this.#onCommit = options.onCommit;
    this.#durable = options.durable;
    this.#maxGroupSize = options.maxGroupSize;
    this.#busyTimeoutMs = options.busyTimeoutMs;
    this.#head = db.prepare('SELECT revision, hash FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1');
    this.#byId = db.prepare('SELECT stream, revision, position FROM events WHERE id = ? AND stream_scoped = 0');
    // The stream's index bounds the search to its rows.
    this.#inStream = db.prepare('SELECT stream, revision, position FROM events WHERE stream = ? AND id = ?');
    this.#insert = db.prepare(`INSERT INTO events (id, stream, revision, type, schema_version, data, occurred_at,
      recorded_at, actor, correlation_id, causation_id, hash, stream_scoped) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const statement of [this.#head, this.#byId, this.#inStream, this.#insert]) statement.setReadBigInts(true);
  }

  submit(
    stream: string,
    events: PendingEvent[],
    expected: ExpectedRevision,
    idsUniqueIn: 'store' | 'stream' = 'store',
  ): Promise<AppendResult> {
    if (this.#closed) return Promise.reject(new StoreClosedError());
    return new Promise((resolve, reject) => {
      this.#queue.push({ stream, events, expected, streamScoped: idsUniqueIn === 'stream', resolve, reject });
      if (!this.#scheduled) {
        this.#scheduled = true;
        if (this.#contended || this.#committedAtOnce) setImmediate(this.#flushOnTurn);
        else queueMicrotask(this.#flushAtOnce);
      }
    });
  }

  /** Begins no transaction until `until` settles; appends queue meanwhile and then form one group. */
  hold(until: Promise<void>): void {
    const held = until.finally(() => {
      if (this.#held !== held) return;
      this.#held = undefined;
      if (this.#queue.length > 0 && !this.#scheduled) {
        this.#scheduled = true;
        setImmediate(this.#flushOnTurn);
      }
    });
    this.#held = held;
  }

  /** Writes what is queued and refuses anything more. */
  close(): void {
    this.#closed = true;
    // A hold only keeps the WAL short; what is queued must be written now.
    this.#held = undefined;
    while (this.#queue.length > 0) this.#flush(false);
  }

  #flush(atOnce: boolean): void {
    this.#scheduled = false;
    if (this.#held !== undefined) return;
    this.#committedAtOnce = atOnce;
    const group = this.#queue.splice(0, this.#maxGroupSize);
    if (group.length === 0) return;
    this.#contended = group.length > 1;
    if (this.#queue.length > 0) {
      this.#scheduled = true;
      setImmediate(this.#flushOnTurn);
    }
    let outcomes: Outcome[];
    try {
      // IMMEDIATE: take the write lock now (waiting up to the busy timeout for another
      // process), so the revisions read below cannot change before the commit.
      this.#db.exec('BEGIN IMMEDIATE');
    } catch (error) {
      this.#fail(group, error);
      return;
    }
    try {
      const recordedAt = this.#clock().toISOString();
      const heads = new Map<string, Head>();
      outcomes = group.map((request) => this.#apply(request, recordedAt, heads));
      this.#db.exec('COMMIT');
    } catch (error) {
      if (this.#db.isTransaction) this.#db.exec('ROLLBACK');
      this.#fail(group, error);
      return;
    }
    const settle = () => {
      this.#onCommit(lastPositionOf(outcomes));
      group.forEach((request, i) => {
        const outcome = outcomes[i] as Outcome;
        if (outcome.ok) request.resolve(outcome.result);
        else request.reject(outcome.error);
      });
    };
    // Replays and conflicts too wait for the fsync: what they read may be a commit not yet on disk.
    if (this.#durable === undefined) settle();
    else this.#durable().then(settle, (error: unknown) => this.#fail(group, error));
  }

  /** The whole group failed and nothing of it was written; a lock held too long elsewhere is worth retrying. */
  #fail(group: AppendRequest[], error: unknown): void {
    const failure = isBusy(error)
      ? storeBusy(error, this.#busyTimeoutMs, 'nothing of this append was written; retry it')
      : (error as Error);
    for (const request of group) request.reject(failure);
  }

  #apply(request: AppendRequest, recordedAt: string, heads: Map<string, Head>): Outcome {
    const { stream, events, expected } = request;
    let head = heads.get(stream);
    if (head === undefined) {
      const row = this.#head.get(stream) as { revision: bigint; hash: string } | undefined;
      head = row === undefined ? null : { revision: row.revision, hash: row.hash };
      heads.set(stream, head);
    }
    const actual = head === null ? NO_STREAM : head.revision;
    if (request.streamScoped && head !== null) {
      // No index entry answers for these ids (nor a unique constraint): the stream's rows do.
      const inStream = (id: string) => this.#inStream.get(stream, id) as ExistingRow | undefined;
      if (events.some((event) => inStream(event.id) !== undefined)) return this.#replay(request, inStream);
    }
    if (!satisfies(expected, actual)) {
      // A retry of an append that did land carries the expectation it had then: a replay, not a conflict.
      const replayed = !request.streamScoped && this.#byId.get((events[0] as PendingEvent).id) !== undefined;
      return replayed
        ? this.#replay(request, this.#recorded)
        : { ok: false, error: new RevisionConflictError(stream, expected, actual) };
    }

    // A single INSERT is atomic by itself; several need a savepoint to be undone together.
    const savepoint = events.length > 1;
    if (savepoint) this.#db.exec('SAVEPOINT append');
    let revision = head === null ? 0n : head.revision + 1n;
    let previousHash = head === null ? GENESIS_HASH : head.hash;
    let position = 0n;
    try {
      for (const event of events) {
        const sealed = sealEvent(event, stream, revision, recordedAt, previousHash);
        const inserted = this.#insert.run(
          sealed.id,
          stream,
          revision,
          sealed.type,
          sealed.schemaVersion,
          sealed.dataJson,
          sealed.occurredAt,
          recordedAt,
          sealed.actor,
          sealed.correlationId,
          sealed.causationId,
          sealed.hash,
          request.streamScoped ? 1 : 0,
        );
        position = inserted.lastInsertRowid as bigint;
        previousHash = sealed.hash;
        revision++;
      }
      if (savepoint) this.#db.exec('RELEASE append');
    } catch (error) {
      if (savepoint) this.#db.exec('ROLLBACK TO append; RELEASE append');
      // The unique index on ids finds a replay at no cost to the appends that are not one.
      if ((error as { errcode?: number }).errcode === uniqueConstraintFailed)
        return this.#replay(request, this.#recorded);
      throw error;
    }
    heads.set(stream, { revision: revision - 1n, hash: previousHash });
    const firstRevision = revision - BigInt(events.length);
    return { ok: true, result: { firstRevision, nextExpectedRevision: revision - 1n, position, written: true } };
  }

  /** Where an id is recorded store-wide (events whose ids were not said to be their stream's only). */
  #recorded = (id: string) => this.#byId.get(id) as ExistingRow | undefined;

  /** Some event ids are already recorded (`find` tells where): a replay of an earlier append of these events, or a mistake. */
  #replay({ stream, events }: AppendRequest, find: (id: string) => ExistingRow | undefined): Outcome {
    const rows = events.map((event) => find(event.id));
    const clash = rows.findIndex((row) => row === undefined || row.stream !== stream);
    if (clash >= 0) {
      const known = rows.find((row) => row !== undefined && row.stream !== stream) ?? rows.find(Boolean);
      const id = (events[rows.findIndex((row) => row !== undefined)] as PendingEvent).id;
      const detail = `it is already recorded in ${known?.stream} (not as this append)`;
      return { ok: false, error: new DuplicateEventIdError(id, stream, detail) };
    }
    const [first, last] = [rows[0] as ExistingRow, rows.at(-1) as ExistingRow];
    return {
      ok: true,
      result: {
        firstRevision: first.revision,
        nextExpectedRevision: last.revision,
        position: last.position,
        written: false,
      },
    };
  }
}

interface ExistingRow {
  stream: string;
  revision: bigint;
  position: bigint;
}
