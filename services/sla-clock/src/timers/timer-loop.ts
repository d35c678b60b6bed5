import type { Clock } from '@hotline/platform';
import type { Logger } from '@hotline/runtime';
import type { TimerClaim, TimerStore } from './timer-store.ts';

export interface TimerLoopOptions {
  readonly timers: TimerStore;
  readonly clock: Clock;
  readonly fire: (claim: TimerClaim) => Promise<unknown>;
  /** Runs after claiming and before firing: the read model catches up with the store. */
  readonly beforeFiring: () => Promise<void>;
  readonly logger: Logger;
  /** How long a claimed timer stays hidden from other firers: longer than a firing ever takes. */
  readonly leaseMs: number;
  /** Timers claimed at once. */
  readonly batchSize: number;
  /** Firings in flight at once (store reads and appends overlap; SQLite commits them in groups). */
  readonly concurrency: number;
  /**
   * Longest sleep when other processes may add timers this one is not told of (shared timers);
   * null: sleep until the next timer or a nudge.
   */
  readonly pollIntervalMs: number | null;
  /** Pause after a failing round (Redis unreachable) before trying again. */
  readonly retryDelayMs: number;
}

/**
 * Sleeps on the clock until the next timer is due, claims what is due, fires it, and again. A new
 * timer earlier than the one it sleeps for wakes it (`nudge`), so it never polls in embedded mode,
 * and a virtual clock drives it through a year of tickets as fast as the firings run.
 */
export class TimerLoop {
  #options: TimerLoopOptions;
  #stop = new AbortController();
  #sleep: { until: number; wake: AbortController } | null = null;
  #nudgedBefore = Number.POSITIVE_INFINITY;
  #idleWaiters: (() => void)[] = [];
  #done: Promise<void> | undefined;

  constructor(options: TimerLoopOptions) {
    this.#options = options;
  }

  start(): this {
    this.#done ??= this.#run();
    return this;
  }

  /** A timer at `at` was written: wake up if that is sooner than the sleep. */
  nudge(at: number): void {
    this.#nudgedBefore = Math.min(this.#nudgedBefore, at);
    if (this.#sleep !== null && at < this.#sleep.until) {
      this.#sleep.wake.abort();
      this.#sleep = null;
    }
  }

  /** Resolves once the loop sleeps: nothing is due at the clock's now. */
  whenIdle(): Promise<void> {
    if (this.#sleep !== null || this.#done === undefined || this.#stop.signal.aborted) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  async stop(): Promise<void> {
    this.#stop.abort();
    this.#sleep?.wake.abort();
    await this.#done;
    for (const resolve of this.#idleWaiters.splice(0)) resolve();
  }

  async #run(): Promise<void> {
    const { timers, clock, logger, pollIntervalMs } = this.#options;
    while (!this.#stop.signal.aborted) {
      this.#nudgedBefore = Number.POSITIVE_INFINITY;
      let until: number;
      try {
        if (await this.#round()) continue;
        const next = (await timers.nextAt()) ?? Number.POSITIVE_INFINITY;
        until = pollIntervalMs === null ? next : Math.min(next, clock.now() + pollIntervalMs);
      } catch (error) {
        logger.error({ err: error }, 'timer round failed');
        until = clock.now() + this.#options.retryDelayMs;
      }
      // A timer written while this round looked may be sooner than what it found.
      if (this.#nudgedBefore < until) continue;
      await this.#sleepUntil(until);
    }
  }

  /** Claims and fires what is due; true when there may be more due right away. */
  async #round(): Promise<boolean> {
    const { timers, clock, leaseMs, batchSize } = this.#options;
    const now = clock.now();
    const claims = await timers.claimDue(now, batchSize, now + leaseMs);
    if (claims.length === 0) return false;
    await this.#options.beforeFiring();
    await this.#fireAll(claims);
    return true;
  }

  async #fireAll(claims: readonly TimerClaim[]): Promise<void> {
    const { fire, logger, concurrency } = this.#options;
    let next = 0;
    const worker = async () => {
      while (next < claims.length) {
        const claim = claims[next++]!;
        try {
          await fire(claim);
        } catch (error) {
          // The claim stays leased: when its lease lapses the timer comes due again, and is retried.
          logger.error({ err: error, ticketId: claim.ticketId }, 'firing a timer failed');
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, claims.length) }, worker));
  }

  async #sleepUntil(until: number): Promise<void> {
    const wake = new AbortController();
    this.#sleep = { until, wake };
    // Idle only if the sleep is real: a sleep until a passed instant ends at once, and the loop goes on.
    if (until > this.#options.clock.now()) for (const resolve of this.#idleWaiters.splice(0)) resolve();
    const signal = AbortSignal.any([this.#stop.signal, wake.signal]);
    if (Number.isFinite(until)) await this.#options.clock.sleepUntil(until, signal);
    else if (!signal.aborted) await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
    this.#sleep = null;
  }
}
