import type { NewEvent, RecordedEvent } from './envelope.ts';
import type { ExpectedRevision } from './expected-revision.ts';
import type { EventHandler, SubscribeOptions, Subscription } from './subscription.ts';
import type { Upcaster } from './upcaster.ts';

export interface AppendOptions {
  expectedRevision: ExpectedRevision;
  /**
   * Where the append's event ids must be unique. `store` (the default): in the whole store, so an id
   * already recorded on another stream is refused (`DuplicateEventIdError`), which is how an id that
   * came from outside (an Idempotency-Key, a message id) is found reused for another request.
   * `stream`: the caller vouches that these ids cannot be recorded on another stream (they derive
   * from a name that holds the stream's own id), so the store looks for them in this stream only.
   * Either way, appending the same events again to their stream is a replay. An adapter may check
   * more than it is asked; SQLite then keeps no store-wide index entry for them, which costs an
   * append a page of its own anywhere in that index.
   */
  idsUniqueIn?: 'store' | 'stream';
}

export interface AppendResult {
  /** Revision of the append's first event. */
  firstRevision: bigint;
  /** Revision of the append's last event: the stream's revision to expect next. */
  nextExpectedRevision: bigint;
  /** Global position of the append's last event. */
  position: bigint;
  /** False when every event was already recorded there (an idempotent replay): nothing was written. */
  written: boolean;
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** First revision to return (inclusive); the start forwards, the end backwards. */
  fromRevision?: bigint;
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Events after this global position (exclusive): a consumer's checkpoint. From the start by default. */
  after?: bigint;
  maxCount?: number;
}

export type ChainBreakReason = 'hash_mismatch' | 'revision_gap';

/** The first event whose hash does not follow from its content and its predecessor's hash. */
export interface ChainBreak {
  stream: string;
  revision: bigint;
  position: bigint;
  eventId: string;
  reason: ChainBreakReason;
  /** The hash the event's content and predecessor give. */
  expectedHash: string;
  /** The hash stored with the event. */
  storedHash: string;
}

export type VerifyReport = { ok: true; checked: number } | { ok: false; checked: number; break: ChainBreak };

export interface VerifyOptions {
  /** Verify this stream only; the whole log by default. */
  stream?: string;
}

/** Options every adapter takes. */
export interface StoreOptions {
  /** Applied on every read: events come out in their current schema version. */
  upcast?: Upcaster;
  /** The recorded time's clock; the system's by default. */
  clock?: () => Date;
}

/**
 * The event store port: streams of events appended with an expected revision, a global log,
 * catch-up subscriptions, and hash chains that make tampering evident.
 * `test/contract.ts` is its executable documentation: every adapter passes it.
 */
export interface EventStore {
  /**
   * Appends all the events or none. Throws `RevisionConflictError` when the stream is not at
   * `expectedRevision` (and writes nothing). Appending again events whose ids are all already
   * in the stream is a no-op (`written: false`), whatever the expected revision, so a retry
   * after a lost acknowledgement is safe. Throws `StoreBusyError` (writing nothing) when the
   * store's lock stayed taken elsewhere too long: the same append can be retried later.
   */
  append(stream: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult>;
  /** A stream's events (upcast); empty when the stream does not exist. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** The global log (upcast), in position order. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** The last global position, 0n for an empty store: subscribe `after` it to get live events only. */
  headPosition(): Promise<bigint>;
  subscribe(handler: EventHandler, options?: SubscribeOptions): Subscription;
  /** Recomputes the hash chains of one stream or of the whole log, and reports the first break. */
  verify(options?: VerifyOptions): Promise<VerifyReport>;
  /** Waits for pending appends, stops subscriptions, releases the connection. */
  close(): Promise<void>;
}
