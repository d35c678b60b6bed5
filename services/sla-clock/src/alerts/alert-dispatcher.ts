import { setTimeout as delay } from 'node:timers/promises';
import type { EventStore, RecordedEvent, Subscription } from '@hotline/eventstore';
import {
  alertsTopic,
  type Bus,
  FencedError,
  type Lease,
  type RelayCheckpoints,
  type RelayLeadership,
  type SlaAlert,
} from '@hotline/messaging';
import type { Logger } from '@hotline/runtime';

/** The facts an alert is dispatched for, and where they are. */
export const alertedFacts = { streamPrefixes: ['sla-'], eventTypes: ['SlaWarningRaised', 'SlaBreached'] } as const;

export interface AlertDispatcherOptions {
  readonly store: Pick<EventStore, 'subscribe' | 'headPosition'>;
  readonly bus: Pick<Bus, 'publish'>;
  readonly leadership: RelayLeadership;
  readonly checkpoints: RelayCheckpoints;
  /** The alerts of stored facts, in their order (each alert's id is its fact's event id). */
  readonly alertsOf: (facts: readonly RecordedEvent[]) => Promise<SlaAlert[]>;
  readonly logger: Logger;
  /** Most alerts in one publish (and one checkpoint write): 1,000. */
  readonly maxBatchSize?: number;
  /** Facts read ahead of the publisher; the store's subscription waits beyond that (10,000). */
  readonly bufferSize?: number;
}

export type DispatcherState = 'standby' | 'active' | 'stopped';

const BACKOFF_MS = [100, 250, 500, 1_000, 2_000, 5_000];

/**
 * The alert outbox: follows the store's SLA facts from a durable checkpoint and publishes an alert for
 * each to support.alerts.v1, then moves the checkpoint. The fact is appended first and the alert
 * follows from the store, so no crash, restart or bus outage between the two loses an alert: the next
 * dispatcher starts again at the checkpoint. Delivery is at least once (what was published but not
 * checkpointed is published again), and the alert id is the fact's event id, so consumers drop the
 * repeats. One dispatcher is active at a time (a lease with a fencing token, as the relay's): a
 * dispatcher that lost its lease without knowing it may publish a batch again, never move the
 * checkpoint. What arrives while a batch is in flight makes the next batch, so a burst of crossings is
 * published in a few produce requests, and a lone one at once.
 */
export class AlertDispatcher {
  #options: AlertDispatcherOptions;
  #stop = new AbortController();
  #state: DispatcherState = 'standby';
  #subscription: Subscription | undefined;
  /** The last fact handed over by the subscription, and the last one published and checkpointed. */
  #handedOver = 0n;
  #dispatched = 0n;
  #waiters = new Set<{ position: bigint; resolve: () => void }>();
  #active = Promise.withResolvers<void>();
  #done: Promise<void> | undefined;
  #published = 0;

  constructor(options: AlertDispatcherOptions) {
    this.#options = options;
  }

  get state(): DispatcherState {
    return this.#state;
  }

  /** Alerts published since start (repeats after a takeover included). */
  get published(): number {
    return this.#published;
  }

  /** Resolves once this dispatcher holds the lease and follows the log from its checkpoint. */
  whenActive(): Promise<void> {
    return this.#active.promise;
  }

  start(): this {
    this.#done ??= this.#run();
    return this;
  }

  get done(): Promise<void> {
    return this.#done ?? Promise.resolve();
  }

  /**
   * Positions behind: from the store's head back to where this dispatcher's alerts are all published
   * (everything the subscription passed when nothing waits). Null when another replica dispatches.
   */
  async lag(): Promise<number | null> {
    if (this.#state !== 'active' || this.#subscription === undefined) return null;
    const head = await this.#options.store.headPosition();
    const through = this.#handedOver > this.#dispatched ? this.#dispatched : this.#subscription.position;
    return Number(head > through ? head - through : 0n);
  }

  /**
   * Resolves once every fact up to `position` is published, when this dispatcher is the active one;
   * at once when another replica dispatches (it is that one's to wait for).
   */
  async dispatched(position: bigint): Promise<void> {
    const subscription = this.#subscription;
    if (this.#state !== 'active' || subscription === undefined) return;
    await subscription.waitFor(position);
    const goal = this.#handedOver;
    if (this.#dispatched >= goal || this.#state !== 'active') return;
    await new Promise<void>((resolve) => this.#waiters.add({ position: goal, resolve }));
  }

  /** Finishes the batch in flight (published and checkpointed), then stops and releases the lease. */
  async stop(): Promise<void> {
    this.#stop.abort(new Error('the alert dispatcher was stopped'));
    await this.done;
  }

  async #run(): Promise<void> {
    const { leadership, logger } = this.#options;
    while (!this.#stop.signal.aborted) {
      this.#state = 'standby';
      let lease: Lease;
      try {
        lease = await leadership.acquire(this.#stop.signal);
      } catch (error) {
        if (this.#stop.signal.aborted) break;
        // The lease's store is unreachable or busy for now: standby, and another try in a while.
        logger.warn({ err: error }, 'SLA alert lease not taken; trying again');
        await delay(1_000, undefined, { signal: this.#stop.signal }).catch(() => {});
        continue;
      }
      try {
        await this.#lead(lease);
      } catch (error) {
        if (this.#stop.signal.aborted) {
          // Stopped in the middle of a batch (a bus outage): the batch waits at the checkpoint.
        } else if (error instanceof FencedError) {
          logger.warn({ token: String(lease.token) }, 'another replica took over the SLA alerts: standing down');
        } else {
          logger.error({ err: error }, 'SLA alert dispatcher failed, starting again from its checkpoint');
          await delay(500, undefined, { signal: this.#stop.signal }).catch(() => {});
        }
      } finally {
        this.#state = 'standby';
        this.#subscription = undefined;
        this.#releaseWaiters();
        await lease.release().catch(() => {});
      }
    }
    this.#state = 'stopped';
    this.#releaseWaiters();
  }

  async #lead(lease: Lease): Promise<void> {
    const { store, checkpoints } = this.#options;
    const term = AbortSignal.any([this.#stop.signal, lease.lost]);
    const start = await checkpoints.load();
    this.#handedOver = start;
    this.#dispatched = start;
    const maxBatch = this.#options.maxBatchSize ?? 1_000;
    const bufferSize = Math.max(this.#options.bufferSize ?? 10_000, maxBatch);
    const buffer: RecordedEvent[] = [];
    let wakePublisher: (() => void) | undefined;
    let wakeReader: (() => void) | undefined;
    const subscription = store.subscribe(
      async (event) => {
        buffer.push(event);
        this.#handedOver = event.position;
        wakePublisher?.();
        // Backpressure while the bus is away: the subscription reads on once this settles.
        while (buffer.length >= bufferSize && !term.aborted) {
          await wake((resolve) => {
            wakeReader = resolve;
          }, term);
        }
      },
      { after: start, filter: alertedFacts },
    );
    // Active from here: `dispatched()` waits on this subscription.
    this.#subscription = subscription;
    this.#state = 'active';
    this.#active.resolve();
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
        const alerts = await this.#options.alertsOf(batch);
        await this.#publish(alerts, term);
        if (lease.lost.aborted) return;
        const last = batch[batch.length - 1]!.position;
        await checkpoints.save(last, lease.token);
        this.#published += alerts.length;
        this.#advance(last);
      }
    } finally {
      await subscription.stop();
    }
  }

  /** Publishes one batch, trying again while the bus is away; gives up only when the term ends. */
  async #publish(alerts: readonly SlaAlert[], term: AbortSignal): Promise<void> {
    if (alerts.length === 0) return;
    const messages = alerts.map((alert) => ({ key: alert.ticketId, payload: alert }));
    for (let attempt = 0; ; attempt++) {
      try {
        await this.#options.bus.publish(alertsTopic, messages);
        return;
      } catch (error) {
        // Stopping mid-outage leaves the batch to the next start: it is not checkpointed.
        if (term.aborted) throw error;
        this.#options.logger.warn(
          { err: error, attempt, alerts: alerts.length },
          'SLA alerts not published yet; trying again',
        );
        await delay(BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)], undefined, { signal: term }).catch(() => {});
      }
    }
  }

  #advance(position: bigint): void {
    if (position > this.#dispatched) this.#dispatched = position;
    for (const waiter of this.#waiters) {
      if (this.#dispatched >= waiter.position) {
        this.#waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }

  /** A dispatcher that stands down leaves its waits to the next one: nobody waits on it any more. */
  #releaseWaiters(): void {
    for (const waiter of this.#waiters) waiter.resolve();
    this.#waiters.clear();
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
