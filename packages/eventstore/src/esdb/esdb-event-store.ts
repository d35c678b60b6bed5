import { BACKWARDS, END, EventStoreDBClient, FORWARDS, START, WrongExpectedVersionError } from '@eventstore/db-client';
import { ChainVerifier, type StoredHashedEvent } from '../hash-chain/chain-verifier.ts';
import { GENESIS_HASH } from '../hash-chain/event-hash.ts';
import type { NewEvent, RecordedEvent } from '../port/envelope.ts';
import { RevisionConflictError, StoreClosedError } from '../port/errors.ts';
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
import { ANY, NO_STREAM, STREAM_EXISTS, satisfies } from '../port/expected-revision.ts';
import { checkStreamName, prepareEvents, sealEvent } from '../port/pending-event.ts';
import type { EventHandler, SubscribeOptions, Subscription } from '../port/subscription.ts';
import { upcastEvent } from '../port/upcaster.ts';
import { readStoredEvents, scanAll } from './esdb-reads.ts';
import { commitPosition, toEventData, toRecordedEvent, toStored } from './esdb-records.ts';
import { findReplay } from './esdb-replay.ts';
import { toEsdbExpectedRevision, toRevisionConflict } from './esdb-revisions.ts';
import { EsdbSubscription } from './esdb-subscription.ts';

export interface EsdbStoreOptions extends StoreOptions {
  /** `esdb://host:2113?tls=false`; or give a `client`. */
  connectionString?: string;
  /** A client to use (and not to dispose of on close). */
  client?: EventStoreDBClient;
  /** How many of a stream's last events are searched for a replayed append made with `any` or `stream_exists` (32). */
  idempotencyWindow?: number;
  /** Attempts of an `any` / `stream_exists` append racing with other writers (100). */
  maxAppendAttempts?: number;
  /** First wait before a dropped subscription resubscribes (250 ms, doubling up to 30 s). */
  resubscribeDelayMs?: number;
  onSubscriptionDrop?: (error: Error) => void;
}

export async function openEsdbStore(options: EsdbStoreOptions): Promise<EsdbEventStore> {
  return new EsdbEventStore(options);
}

/**
 * The EventStoreDB adapter. The hash chain needs each event's predecessor, so an append reads
 * the stream's last events, checks the caller's expected revision itself, and writes at that
 * exact revision: a writer that got in between makes the server refuse, and the append
 * either fails with the conflict (exact or no_stream: the caller's view is stale) or tries
 * again on the new head (any, stream_exists).
 */
export class EsdbEventStore implements EventStore {
  readonly client: EventStoreDBClient;
  #options: EsdbStoreOptions;
  #ownsClient: boolean;
  #subscriptions = new Set<Subscription>();
  #closed = false;

  constructor(options: EsdbStoreOptions) {
    if (options.client === undefined && options.connectionString === undefined) {
      throw new Error('an EventStoreDB store needs a connection string or a client');
    }
    this.client = options.client ?? EventStoreDBClient.connectionString(options.connectionString as string);
    this.#ownsClient = options.client === undefined;
    this.#options = options;
  }

  async append(stream: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    this.#ensureOpen();
    const pending = prepareEvents(stream, events);
    const expected = options.expectedRevision;
    const maxAttempts = this.#options.maxAppendAttempts ?? 100;
    for (let attempt = 1; ; attempt++) {
      // An exact expectation needs the head only: a replay of it is found right after the expected revision.
      const exact = expected === NO_STREAM || typeof expected === 'bigint';
      const window = exact ? 1 : Math.max(this.#options.idempotencyWindow ?? 32, pending.length);
      const recent = await readStoredEvents(this.client, stream, BACKWARDS, END, window);
      const replay = await findReplay(stream, pending, expected, recent, (from, count) =>
        readStoredEvents(this.client, stream, FORWARDS, from, count),
      );
      if (replay !== undefined) return replay;
      const head = recent[0];
      const actual = head === undefined ? NO_STREAM : head.revision;
      if (!satisfies(expected, actual)) throw new RevisionConflictError(stream, expected, actual);

      const recordedAt = (this.#options.clock?.() ?? new Date()).toISOString();
      const firstRevision = head === undefined ? 0n : head.revision + 1n;
      let previousHash = head?.hash ?? GENESIS_HASH;
      const sealed = pending.map((event, i) => {
        const record = sealEvent(event, stream, firstRevision + BigInt(i), recordedAt, previousHash);
        previousHash = record.hash;
        return toEventData(record);
      });
      try {
        const written = await this.client.appendToStream(stream, sealed, {
          expectedRevision: toEsdbExpectedRevision(actual),
        });
        return {
          firstRevision,
          nextExpectedRevision: written.nextExpectedRevision,
          position: commitPosition(written.position, `the append to ${stream}`),
          written: true,
        };
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        const retry = (expected === ANY || expected === STREAM_EXISTS) && attempt < maxAttempts;
        if (!retry) throw toRevisionConflict(error, stream, expected);
      }
    }
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.#ensureOpen();
    checkStreamName(stream);
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? END : START);
    const stored = await readStoredEvents(
      this.client,
      stream,
      backwards ? BACKWARDS : FORWARDS,
      from,
      options.maxCount,
    );
    return stored.map((event) => this.#toEvent(event));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.#ensureOpen();
    const wanted = options.maxCount ?? Number.POSITIVE_INFINITY;
    const events: RecordedEvent[] = [];
    if (wanted <= 0) return events;
    await scanAll(this.client, options.after ?? 0n, (event) => {
      events.push(this.#toEvent(toStored(event)));
      return events.length < wanted;
    });
    return events;
  }

  async headPosition(): Promise<bigint> {
    this.#ensureOpen();
    for await (const resolved of this.client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1 })) {
      if (resolved.event !== undefined) return resolved.event.position.commit;
    }
    return 0n;
  }

  subscribe(handler: EventHandler, options: SubscribeOptions = {}): Subscription {
    this.#ensureOpen();
    const subscription = new EsdbSubscription(
      this.client,
      handler,
      (event) => this.#toEvent(toStored(event)),
      options,
      { resubscribeDelayMs: this.#options.resubscribeDelayMs ?? 250, onDrop: this.#options.onSubscriptionDrop },
    );
    this.#subscriptions.add(subscription);
    subscription.done.finally(() => this.#subscriptions.delete(subscription)).catch(() => {});
    return subscription;
  }

  async verify(options: VerifyOptions = {}): Promise<VerifyReport> {
    this.#ensureOpen();
    const verifier = new ChainVerifier();
    if (options.stream !== undefined) {
      for (const event of await readStoredEvents(this.client, options.stream, FORWARDS, START, undefined)) {
        if (!verifier.check(event)) break;
      }
    } else {
      await scanAll(this.client, 0n, (event) => verifier.check(toStored(event)));
    }
    return verifier.report();
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.all([...this.#subscriptions].map((subscription) => subscription.stop()));
    if (this.#ownsClient) await this.client.dispose();
  }

  #ensureOpen(): void {
    if (this.#closed) throw new StoreClosedError();
  }

  #toEvent(stored: StoredHashedEvent): RecordedEvent {
    return upcastEvent(this.#options.upcast, toRecordedEvent(stored));
  }
}
