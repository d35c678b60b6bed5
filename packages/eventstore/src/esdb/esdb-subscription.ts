import {
  AccessDeniedError,
  type AllStreamRecordedEvent,
  type AllStreamSubscription,
  type EventStoreDBClient,
  eventTypeFilter,
  excludeSystemEvents,
  type Filter,
  InvalidArgumentError,
  type Position,
  START,
  streamNameFilter,
  UnsupportedError,
} from '@eventstore/db-client';
import type { RecordedEvent } from '../port/envelope.ts';
import {
  type EventHandler,
  matchesFilter,
  type SubscribeOptions,
  type Subscription,
  type SubscriptionFilter,
} from '../port/subscription.ts';
import { PositionWaiters } from '../subscription/position-waiters.ts';
import { isSystemEvent } from './esdb-records.ts';

export interface ResubscribeOptions {
  /** First wait before resubscribing after a drop; doubles up to 30 s while drops go on. */
  resubscribeDelayMs: number;
  /** Told of each drop (for logs); the subscription resubscribes by itself. */
  onDrop?: (error: Error) => void;
}

class HandlerFailure {
  readonly error: Error;
  constructor(error: Error) {
    this.error = error;
  }
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A catch-up subscription to `$all`, filtered by the server, that survives dropped connections:
 * it resubscribes from its position, the last event handled or the last checkpoint the server
 * sent while scanning past filtered-out events. The client's stream is read with `for await`,
 * so a slow handler stops the reading and gRPC flow control holds the server back.
 */
export class EsdbSubscription implements Subscription {
  readonly done: Promise<void>;
  #client: EventStoreDBClient;
  #position: bigint;
  #stopped = false;
  #waiters = new PositionWaiters();
  #current: AllStreamSubscription | undefined;
  #inFlight = false;
  #checkpoint: bigint | undefined;
  #wake: () => void = () => {};

  constructor(
    client: EventStoreDBClient,
    handler: EventHandler,
    toEvent: (event: AllStreamRecordedEvent) => RecordedEvent,
    options: SubscribeOptions,
    resubscribe: ResubscribeOptions,
  ) {
    this.#client = client;
    this.#position = options.after ?? 0n;
    this.done = this.#run(handler, toEvent, options.filter, resubscribe);
    this.done.catch(() => {});
  }

  get position(): bigint {
    return this.#position;
  }

  waitFor(position: bigint, options?: { timeoutMs?: number }): Promise<void> {
    return this.#waiters.wait(this.#position, position, options?.timeoutMs);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#wake();
    const current = this.#current;
    await current?.unsubscribe().catch(() => {});
    // A cancelled call does not always end the client's stream: end it, so the reading loop returns.
    current?.destroy();
    await this.done.catch(() => {});
  }

  async #run(
    handler: EventHandler,
    toEvent: (event: AllStreamRecordedEvent) => RecordedEvent,
    filter: SubscriptionFilter | undefined,
    resubscribe: ResubscribeOptions,
  ): Promise<void> {
    let delay = resubscribe.resubscribeDelayMs;
    while (!this.#stopped) {
      const from = this.#position;
      const subscription = this.#client.subscribeToAll({
        // Exclusive: the server starts after this position.
        fromPosition: from === 0n ? START : { commit: from, prepare: from },
        filter: this.#serverFilter(filter),
      });
      this.#current = subscription;
      try {
        for await (const resolved of subscription) {
          if (this.#stopped) break;
          const event = resolved.event;
          if (event === undefined) continue;
          delay = resubscribe.resubscribeDelayMs;
          const position = event.position.commit;
          if (position <= this.#position) continue;
          if (!isSystemEvent(event) && matchesFilter(filter, event.streamId, event.type)) {
            this.#inFlight = true;
            try {
              await handler(toEvent(event));
            } catch (error) {
              throw new HandlerFailure(error as Error);
            } finally {
              this.#inFlight = false;
            }
          }
          this.#advance(position);
          this.#applyCheckpoint();
        }
      } catch (error) {
        if (error instanceof HandlerFailure) {
          this.#stopped = true;
          await subscription.unsubscribe().catch(() => {});
          this.#waiters.fail(error.error);
          throw error.error;
        }
        if (this.#stopped) break;
        if (isFatal(error)) {
          this.#stopped = true;
          this.#waiters.fail(error as Error);
          throw error;
        }
        resubscribe.onDrop?.(error as Error);
      }
      await subscription.unsubscribe().catch(() => {});
      if (this.#stopped) break;
      // The server ended the subscription or the connection dropped: try again from the position.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      delay = Math.min(delay * 2, 30_000);
    }
    this.#waiters.fail(new Error('the subscription was stopped'));
  }

  #serverFilter(filter: SubscriptionFilter | undefined): Filter {
    // A checkpoint says the server scanned up to there without a matching event.
    const checkpointReached = (_: AllStreamSubscription, position: Position) => {
      this.#checkpoint = position.commit;
      this.#applyCheckpoint();
    };
    const prefixes = filter?.streamPrefixes;
    const types = filter?.eventTypes;
    // The server filters on one thing: stream names if asked, else event types; the client checks both.
    if (prefixes !== undefined && prefixes.length > 0) {
      return streamNameFilter({ prefixes: [...prefixes], checkpointInterval: 1, checkpointReached });
    }
    if (types !== undefined && types.length > 0) {
      const regex = `^(?:${types.map(escapeRegex).join('|')})$`;
      return eventTypeFilter({ regex, checkpointInterval: 1, checkpointReached });
    }
    return excludeSystemEvents({ checkpointInterval: 1, checkpointReached });
  }

  /**
   * Moves to the last checkpoint only when every event sent before it was handled: none is
   * being handled and none waits in the stream's buffer. Otherwise the next event moves on.
   */
  #applyCheckpoint(): void {
    const checkpoint = this.#checkpoint;
    if (checkpoint === undefined || this.#inFlight || (this.#current?.readableLength ?? 0) > 0) return;
    this.#checkpoint = undefined;
    if (checkpoint > this.#position) this.#advance(checkpoint);
  }

  #advance(position: bigint): void {
    this.#position = position;
    this.#waiters.advance(position);
  }
}

function isFatal(error: unknown): boolean {
  return (
    error instanceof AccessDeniedError || error instanceof InvalidArgumentError || error instanceof UnsupportedError
  );
}
