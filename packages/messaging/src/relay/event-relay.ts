import type { EventData, EventStore, RecordedEvent, Subscription } from '@hotline/eventstore';
import { context, SpanKind, trace } from '@opentelemetry/api';
import type { Bus } from '../bus/bus.ts';
import { sleep } from '../bus/delivery.ts';
import { consoleLogger, type Logger } from '../bus/logger.ts';
import { type EventHeaders, eventsTopic } from '../contracts/events.ts';
import type { TopicContract } from '../topic/topic-contract.ts';
import { eventMessage } from './event-message.ts';
import {
  FencedError,
  type Lease,
  type RelayCheckpoints,
  type RelayLeadership,
  SoleRelay,
} from './relay-coordination.ts';

export interface EventRelayOptions {
  store: Pick<EventStore, 'subscribe'>;
  bus: Pick<Bus, 'publish' | 'ensureTopics'>;
  /** Where the last published position is kept; with `leadership`, usually the same object. */
  checkpoints: RelayCheckpoints;
  /** Which relay is active; a sole relay (embedded mode) by default. */
  leadership?: RelayLeadership;
  topic?: TopicContract<EventData, EventHeaders>;
  /** Most events in one publish (and one checkpoint write). */
  maxBatchSize?: number;
  /** Events read ahead of the publisher; the store's subscription waits beyond that. */
  bufferSize?: number;
  logger?: Logger;
  /** Told the size of each batch once it is published and checkpointed (the publish rate's counter). */
  onPublished?: (count: number) => void;
}

export type RelayState = 'standby' | 'active' | 'stopped';

const tracer = trace.getTracer('@hotline/messaging');

/**
 * Follows the store's global log from its checkpoint and publishes every event to
 * support.events.v1, keyed by stream id, in batches: what the store's subscription hands over
 * while a batch is in flight makes the next batch, so the relay batches under load and sends at
 * once when idle. The checkpoint is written after each acknowledged batch: after a crash the next
 * relay publishes again what was sent but not checkpointed (duplicates, never a loss).
 */
export class EventRelay {
  #options: EventRelayOptions;
  #leadership: RelayLeadership;
  #logger: Logger;
  #topic: TopicContract<EventData, EventHeaders>;
  #stop = new AbortController();
  #state: RelayState = 'standby';
  #position = 0n;
  #waiters = new Set<{ position: bigint; resolve: () => void }>();
  #done: Promise<void> | undefined;
  #published = 0;

  constructor(options: EventRelayOptions) {
    this.#options = options;
    this.#leadership =
      options.leadership ?? (options.checkpoints instanceof SoleRelay ? options.checkpoints : new SoleRelay());
    this.#logger = options.logger ?? consoleLogger;
    this.#topic = options.topic ?? eventsTopic;
  }

  get state(): RelayState {
    return this.#state;
  }

  /** The last position this relay checkpointed. */
  get position(): bigint {
    return this.#position;
  }

  /** Events published since start (duplicates after a takeover included). */
  get published(): number {
    return this.#published;
  }

  /** Starts following the log in the background; `done` settles when it stops. */
  start(): this {
    this.#done ??= this.#run();
    return this;
  }

  get done(): Promise<void> {
    return this.#done ?? Promise.resolve();
  }

  /** Resolves once this relay has checkpointed `position` (or beyond). */
  waitFor(position: bigint, timeoutMs = 30_000): Promise<void> {
    if (this.#position >= position) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter = {
        position,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        reject(new Error(`the relay did not reach position ${position} within ${timeoutMs} ms (at ${this.#position})`));
      }, timeoutMs);
      this.#waiters.add(waiter);
    });
  }

  /** Finishes the batch in flight (published and checkpointed), then stops and releases the lease. */
  async stop(): Promise<void> {
    this.#stop.abort(new Error('the relay was stopped'));
    await this.done;
  }

  async #run(): Promise<void> {
    while (!this.#stop.signal.aborted) {
      this.#state = 'standby';
      let lease: Lease;
      try {
        lease = await this.#leadership.acquire(this.#stop.signal);
      } catch (error) {
        if (this.#stop.signal.aborted) break;
        throw error;
      }
      try {
        this.#state = 'active';
        await this.#lead(lease);
      } catch (error) {
        if (error instanceof FencedError) {
          this.#logger.warn({ token: String(lease.token) }, 'another relay took over: standing down');
        } else {
          this.#logger.error({ error: (error as Error).message }, 'relay failed, restarting from its checkpoint');
          await sleep(500, this.#stop.signal);
        }
      } finally {
        await lease.release();
      }
    }
    this.#state = 'stopped';
  }

  async #lead(lease: Lease): Promise<void> {
    const term = AbortSignal.any([this.#stop.signal, lease.lost]);
    // Here rather than once at start: a broker still starting fails this term, and the next one retries.
    await this.#options.bus.ensureTopics([this.#topic]);
    const start = await this.#options.checkpoints.load();
    this.#advance(start);
    const maxBatch = this.#options.maxBatchSize ?? 1000;
    const bufferSize = Math.max(this.#options.bufferSize ?? 5000, maxBatch);
    const buffer: RecordedEvent[] = [];
    let wakePublisher: (() => void) | undefined;
    let wakeReader: (() => void) | undefined;
    const subscription: Subscription = this.#options.store.subscribe(
      async (event) => {
        buffer.push(event);
        wakePublisher?.();
        // Backpressure: the subscription reads its next event only once this promise settles.
        while (buffer.length >= bufferSize && !term.aborted) {
          await wake((resolve) => {
            wakeReader = resolve;
          }, term);
        }
      },
      { after: start },
    );
    let failed: unknown;
    subscription.done.catch((error: unknown) => {
      failed = error;
      wakePublisher?.();
    });
    try {
      while (!term.aborted) {
        if (failed !== undefined) throw failed;
        if (buffer.length === 0) {
          await wake((resolve) => {
            wakePublisher = resolve;
          }, term);
          wakePublisher = undefined;
          continue;
        }
        const batch = buffer.splice(0, maxBatch);
        wakeReader?.();
        await this.#publish(batch, term);
        if (term.aborted && lease.lost.aborted) return;
        const last = batch[batch.length - 1]!.position;
        await this.#options.checkpoints.save(last, lease.token);
        this.#published += batch.length;
        this.#options.onPublished?.(batch.length);
        this.#advance(last);
      }
    } finally {
      await subscription.stop();
    }
  }

  /** Publishes one batch, retrying while the broker is away; gives up only when the term ends. */
  async #publish(batch: RecordedEvent[], term: AbortSignal): Promise<void> {
    const span = tracer.startSpan(`${this.#topic.name} publish`, {
      kind: SpanKind.PRODUCER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'send',
        'messaging.destination.name': this.#topic.name,
        'messaging.batch.message_count': batch.length,
        'hotline.relay.first_position': batch[0]!.position.toString(),
        'hotline.relay.last_position': batch[batch.length - 1]!.position.toString(),
      },
    });
    const traceContext = trace.setSpan(context.active(), span);
    const messages = batch.map((event) => eventMessage(event, traceContext));
    try {
      for (let attempt = 1; ; attempt += 1) {
        try {
          await this.#options.bus.publish(this.#topic, messages);
          return;
        } catch (error) {
          if (term.aborted) throw error;
          this.#logger.warn({ attempt, error: (error as Error).message }, 'relay publish failed, will retry');
          await sleep(Math.min(5000, 100 * 2 ** Math.min(attempt, 6)), term);
        }
      }
    } finally {
      span.end();
    }
  }

  #advance(position: bigint): void {
    if (position > this.#position) this.#position = position;
    for (const waiter of this.#waiters) {
      if (this.#position >= waiter.position) {
        this.#waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }
}

/** Waits until the callback handed to `register` is called, or `signal` aborts; leaves no listener behind. */
function wake(register: (resolve: () => void) => void, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      signal.removeEventListener('abort', done);
      resolve();
    };
    signal.addEventListener('abort', done, { once: true });
    register(done);
  });
}
