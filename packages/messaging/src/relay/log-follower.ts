import type { EventStore, RecordedEvent, Subscription, SubscriptionFilter } from '@hotline/eventstore';
import { sleep } from '../bus/delivery.ts';
import { consoleLogger, type Logger } from '../bus/logger.ts';
import { backoffDelay, defaultRetryPolicy } from '../bus/retry-policy.ts';
import { FencedError, type Lease, type RelayCheckpoints, type RelayLeadership } from './relay-coordination.ts';

/** Sends one batch's messages; `untilSent` tries `send` again while the bus is away, until the term ends. */
export type PublishBatch = (
  batch: readonly RecordedEvent[],
  untilSent: (send: () => Promise<void>) => Promise<void>,
) => Promise<number>;

export interface LogFollowerOptions {
  /** How the follower is named in its logs (`relay`, `SLA alert dispatcher`). */
  name: string;
  store: Pick<EventStore, 'subscribe'>;
  /** Which follower is active; the others wait in standby. */
  leadership: RelayLeadership;
  /** Where the last published position is kept, fenced by the lease's token. */
  checkpoints: RelayCheckpoints;
  /** The events followed: the whole log by default. */
  filter?: SubscriptionFilter;
  /** Publishes one batch and says how many messages it published. */
  publish: PublishBatch;
  /** Runs at the start of each term, before the checkpoint is read (the relay ensures its topic there). */
  beginTerm?: () => Promise<void>;
  /** Most events in one publish (and one checkpoint write): 1,000. */
  maxBatchSize?: number;
  /** Events read ahead of the publisher; the store's subscription waits beyond that (5,000). */
  bufferSize?: number;
  logger?: Logger;
  /** Told how many messages each batch published, once checkpointed (a publish rate's counter). */
  onPublished?: (count: number) => void;
}

export type FollowerState = 'standby' | 'active' | 'stopped';

interface Waiter {
  readonly position: bigint;
  resolve(): void;
}

/**
 * Follows the store's global log (or the part a filter keeps) from a shared checkpoint and publishes
 * it in batches, one follower active at a time under a lease with a fencing token: the relay
 * (every event to support.events.v1) and the SLA clock's alert outbox (its facts to
 * support.alerts.v1) are both this loop with their own `publish`.
 *
 * What the subscription hands over while a batch is in flight makes the next batch, so it batches
 * under load and sends at once when idle. A failed publish is tried again with backoff, never
 * skipped; the checkpoint moves after each published batch, so after a crash or a takeover the next
 * follower publishes again what was sent but not checkpointed (duplicates, never a loss). A follower
 * that lost its lease without knowing it may publish a batch again, never move the checkpoint.
 */
export class LogFollower {
  #options: LogFollowerOptions;
  #logger: Logger;
  #stop = new AbortController();
  #state: FollowerState = 'standby';
  #subscription: Subscription | undefined;
  /** The last event handed over by the subscription, and the last one published and checkpointed. */
  #handedOver = 0n;
  #position = 0n;
  /** `waitFor`'s waiters outlive a term; `caughtUp`'s are released when this follower stands down. */
  #waiters = new Set<Waiter>();
  #termWaiters = new Set<Waiter>();
  #active = Promise.withResolvers<void>();
  #done: Promise<void> | undefined;
  #published = 0;

  constructor(options: LogFollowerOptions) {
    this.#options = options;
    this.#logger = options.logger ?? consoleLogger;
  }

  get state(): FollowerState {
    return this.#state;
  }

  /** The last position this follower checkpointed. */
  get position(): bigint {
    return this.#position;
  }

  /** Messages published since start (repeats after a takeover included). */
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

  /** Resolves once this follower holds the lease and follows the log from its checkpoint. */
  whenActive(): Promise<void> {
    return this.#active.promise;
  }

  /** Resolves once this follower has checkpointed `position` (or beyond), through standbys and takeovers. */
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
        reject(
          new Error(
            `the ${this.#options.name} did not reach position ${position} within ${timeoutMs} ms (at ${this.#position})`,
          ),
        );
      }, timeoutMs);
      this.#waiters.add(waiter);
    });
  }

  /**
   * Where everything the filter keeps is published, while this follower is active: the checkpoint while
   * a batch waits, else as far as the subscription went (past events the filter drops). Null in standby.
   */
  through(): bigint | null {
    if (this.#state !== 'active' || this.#subscription === undefined) return null;
    return this.#handedOver > this.#position ? this.#position : this.#subscription.position;
  }

  /**
   * Resolves once every followed event up to `position` is published, when this follower is the
   * active one; at once when another one is (it is that one's to wait for).
   */
  async caughtUp(position: bigint): Promise<void> {
    const subscription = this.#subscription;
    if (this.#state !== 'active' || subscription === undefined) return;
    await subscription.waitFor(position);
    const goal = this.#handedOver;
    if (this.#position >= goal || this.#state !== 'active') return;
    await new Promise<void>((resolve) => this.#termWaiters.add({ position: goal, resolve }));
  }

  /** Finishes the batch in flight (published and checkpointed), then stops and releases the lease. */
  async stop(): Promise<void> {
    this.#stop.abort(new Error(`the ${this.#options.name} was stopped`));
    await this.done;
  }

  async #run(): Promise<void> {
    const { leadership, name } = this.#options;
    const stopped = this.#stop.signal;
    while (!stopped.aborted) {
      this.#state = 'standby';
      let lease: Lease;
      try {
        lease = await leadership.acquire(stopped);
      } catch (error) {
        if (stopped.aborted) break;
        // The lease's store is unreachable or busy for now: standby, and another try in a while.
        this.#logger.warn({ error: (error as Error).message }, `${name} lease not taken, will retry`);
        await sleep(1_000, stopped);
        continue;
      }
      try {
        this.#state = 'active';
        await this.#lead(lease);
      } catch (error) {
        if (stopped.aborted) {
          // Stopped in the middle of a batch (a bus outage): the batch waits at the checkpoint.
        } else if (error instanceof FencedError) {
          this.#logger.warn({ token: String(lease.token) }, `another ${name} took over: standing down`);
        } else {
          this.#logger.error({ error: (error as Error).message }, `${name} failed, restarting from its checkpoint`);
          await sleep(500, stopped);
        }
      } finally {
        this.#state = 'standby';
        this.#subscription = undefined;
        this.#releaseTermWaiters();
        await lease.release().catch(() => {});
      }
    }
    this.#state = 'stopped';
    this.#releaseTermWaiters();
  }

  async #lead(lease: Lease): Promise<void> {
    const { store, checkpoints, filter } = this.#options;
    const term = AbortSignal.any([this.#stop.signal, lease.lost]);
    // Each term rather than once at start: a broker still starting fails this term, and the next one retries.
    await this.#options.beginTerm?.();
    const start = await checkpoints.load();
    this.#handedOver = start;
    this.#advance(start);
    const maxBatch = this.#options.maxBatchSize ?? 1_000;
    const bufferSize = Math.max(this.#options.bufferSize ?? 5_000, maxBatch);
    const buffer: RecordedEvent[] = [];
    let wakePublisher: (() => void) | undefined;
    let wakeReader: (() => void) | undefined;
    const subscription = store.subscribe(
      async (event) => {
        buffer.push(event);
        this.#handedOver = event.position;
        wakePublisher?.();
        // Backpressure while the bus is away: the subscription reads its next event once this settles.
        while (buffer.length >= bufferSize && !term.aborted) {
          await wake((resolve) => {
            wakeReader = resolve;
          }, term);
        }
      },
      filter === undefined ? { after: start } : { after: start, filter },
    );
    // Active from here: `caughtUp()` waits on this subscription.
    this.#subscription = subscription;
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
        const count = await this.#options.publish(batch, (send) => this.#untilSent(send, batch.length, term));
        if (lease.lost.aborted) return;
        const last = batch[batch.length - 1]!.position;
        await checkpoints.save(last, lease.token);
        this.#published += count;
        this.#options.onPublished?.(count);
        this.#advance(last);
      }
    } finally {
      await subscription.stop();
    }
  }

  /** Sends, trying again while the bus is away; gives up only when the term ends (the batch is not checkpointed). */
  async #untilSent(send: () => Promise<void>, events: number, term: AbortSignal): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await send();
        return;
      } catch (error) {
        if (term.aborted) throw error;
        this.#logger.warn(
          { attempt, events, error: (error as Error).message },
          `${this.#options.name} publish failed, will retry`,
        );
        await sleep(backoffDelay(defaultRetryPolicy, attempt), term);
      }
    }
  }

  #advance(position: bigint): void {
    if (position > this.#position) this.#position = position;
    for (const waiters of [this.#waiters, this.#termWaiters]) {
      for (const waiter of waiters) {
        if (this.#position >= waiter.position) {
          waiters.delete(waiter);
          waiter.resolve();
        }
      }
    }
  }

  /** A follower that stands down leaves its catching up to the next one: nobody waits on it any more. */
  #releaseTermWaiters(): void {
    for (const waiter of this.#termWaiters) waiter.resolve();
    this.#termWaiters.clear();
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
