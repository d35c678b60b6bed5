import { ChainVerifier } from '../hash-chain/chain-verifier.ts';
import { GENESIS_HASH } from '../hash-chain/event-hash.ts';
import type { EventData, NewEvent, RecordedEvent } from '../port/envelope.ts';
import { DuplicateEventIdError, RevisionConflictError, StoreClosedError } from '../port/errors.ts';
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
import { NO_STREAM, satisfies } from '../port/expected-revision.ts';
import { checkStreamName, type PendingEvent, prepareEvents, sealEvent } from '../port/pending-event.ts';
import type { EventHandler, SubscribeOptions, Subscription } from '../port/subscription.ts';
import { upcastEvent } from '../port/upcaster.ts';
import { ChangeSignal } from '../subscription/change-signal.ts';
import { LogTail, subscriptionPaging } from '../subscription/log-tail.ts';
import { PollingSubscription } from '../subscription/polling-subscription.ts';
import { MemoryLog, type MemoryRecord } from './memory-log.ts';

export interface MemoryStoreOptions extends StoreOptions {
  /** The storage; a new empty one by default. */
  log?: MemoryLog;
}

/**
 * The in-memory adapter, for unit tests and simulations: the same guarantees as the others
 * within one process. An append runs without yielding, so it is atomic and appends are
 * serialized; data is kept encoded and parsed on every read, so a caller never shares (or
 * mutates) a stored object.
 */
export function openMemoryStore(options: MemoryStoreOptions = {}): Promise<MemoryEventStore> {
  return Promise.resolve(new MemoryEventStore(options));
}

export class MemoryEventStore implements EventStore {
  readonly log: MemoryLog;
  #options: MemoryStoreOptions;
  #changes = new ChangeSignal();
  #subscriptions = new Set<Subscription>();
  #closed = false;
  #tail: LogTail<MemoryRecord>;

  constructor(options: MemoryStoreOptions = {}) {
    this.log = options.log ?? new MemoryLog();
    this.#options = options;
    // Reading the array costs nothing here; the shared tail is kept so that subscriptions behave as on SQLite.
    this.#tail = new LogTail<MemoryRecord>(
      {
        readPage: (after, limit) => this.log.after(after, limit),
        toEvent: (record) => this.#toEvent(record),
        changes: this.#changes,
      },
      subscriptionPaging,
    );
  }

  async append(stream: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    if (this.#closed) throw new StoreClosedError();
    const pending = prepareEvents(stream, events);
    const replay = this.#replayOf(stream, pending);
    if (replay !== undefined) return replay;
    const records = this.log.streams.get(stream);
    const head = records?.at(-1);
    const actual = head === undefined ? NO_STREAM : head.revision;
    if (!satisfies(options.expectedRevision, actual)) {
      throw new RevisionConflictError(stream, options.expectedRevision, actual);
    }
    const recordedAt = (this.#options.clock?.() ?? new Date()).toISOString();
    const firstRevision = head === undefined ? 0n : head.revision + 1n;
    let previousHash = head?.hash ?? GENESIS_HASH;
    let position = BigInt(this.log.records.length);
    const sealed = pending.map((event, i) => {
      const record = sealEvent(event, stream, firstRevision + BigInt(i), recordedAt, previousHash);
      previousHash = record.hash;
      position++;
      return { ...record, position };
    });
    for (const record of sealed) this.log.push(record);
    this.#changes.notify();
    return { firstRevision, nextExpectedRevision: firstRevision + BigInt(sealed.length - 1), position, written: true };
  }

  /** The earlier append of these very events, when it happened: appending them again is a no-op. */
  #replayOf(stream: string, pending: readonly PendingEvent[]): AppendResult | undefined {
    const found = pending.map((event) => this.log.byId.get(event.id));
    const first = found[0];
    if (found.every((record) => record === undefined)) return undefined;
    if (first === undefined || found.some((record) => record === undefined || record.stream !== stream)) {
      const clash = found.find((record) => record !== undefined) as MemoryRecord;
      throw new DuplicateEventIdError(
        clash.id,
        stream,
        `it is already recorded in ${clash.stream} (not as this append)`,
      );
    }
    const last = found.at(-1) as MemoryRecord;
    return {
      firstRevision: first.revision,
      nextExpectedRevision: last.revision,
      position: last.position,
      written: false,
    };
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    checkStreamName(stream);
    const records = this.log.streams.get(stream) ?? [];
    const maxCount = options.maxCount ?? Number.POSITIVE_INFINITY;
    const selected: MemoryRecord[] = [];
    if (options.direction === 'backwards') {
      const from =
        options.fromRevision === undefined
          ? records.length - 1
          : Math.min(Number(options.fromRevision), records.length - 1);
      for (let i = from; i >= 0 && selected.length < maxCount; i--) selected.push(records[i] as MemoryRecord);
    } else {
      for (let i = Number(options.fromRevision ?? 0n); i < records.length && selected.length < maxCount; i++) {
        selected.push(records[i] as MemoryRecord);
      }
    }
    return selected.map((record) => this.#toEvent(record));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.log.after(options.after ?? 0n, options.maxCount ?? -1).map((record) => this.#toEvent(record));
  }

  async headPosition(): Promise<bigint> {
    return BigInt(this.log.records.length);
  }

  subscribe(handler: EventHandler, options: SubscribeOptions = {}): Subscription {
    if (this.#closed) throw new StoreClosedError();
    const subscription = new PollingSubscription(this.#tail, handler, options, {
      pageSize: subscriptionPaging.pageSize,
      pollIntervalMs: Number.POSITIVE_INFINITY,
    });
    this.#subscriptions.add(subscription);
    subscription.done.finally(() => this.#subscriptions.delete(subscription)).catch(() => {});
    return subscription;
  }

  async verify(options: VerifyOptions = {}): Promise<VerifyReport> {
    const verifier = new ChainVerifier();
    const records = options.stream === undefined ? this.log.records : (this.log.streams.get(options.stream) ?? []);
    for (const record of records) if (!verifier.check(record)) break;
    return verifier.report();
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all([...this.#subscriptions].map((subscription) => subscription.stop()));
  }

  #toEvent(record: MemoryRecord): RecordedEvent {
    const event: RecordedEvent = {
      id: record.id,
      type: record.type,
      schemaVersion: record.schemaVersion,
      stream: record.stream,
      revision: record.revision,
      position: record.position,
      recordedAt: record.recordedAt,
      occurredAt: record.occurredAt,
      actor: record.actor,
      correlationId: record.correlationId,
      causationId: record.causationId,
      data: JSON.parse(record.dataJson) as EventData,
      hash: record.hash,
    };
    return upcastEvent(this.#options.upcast, event);
  }
}
