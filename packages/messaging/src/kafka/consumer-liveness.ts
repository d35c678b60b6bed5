import type { Consumer as KafkajsConsumer } from 'kafkajs';
import { sleep } from '../bus/delivery.ts';
import type { Logger } from '../bus/logger.ts';
import { backoffDelay } from '../bus/retry-policy.ts';

export interface LivenessOptions {
  /** This long without a fetch, and no batch in a handler, and the member counts as stalled. */
  stallAfterMs: number;
  /**
   * The pause before a restart, doubled after each failed attempt up to `maxRestartDelayMs`, each
   * within ±20%: the consumers a broker restart stopped together do not all come back at once.
   */
  restartDelayMs: number;
  maxRestartDelayMs: number;
  /** How long a restart waits for the old member to leave the group before letting it go. */
  leaveTimeoutMs: number;
}

/**
 * A stall bound well above what a healthy member can go without fetching: a session timeout (a
 * member the broker dropped), a rebalance waiting for the slowest member, then the join itself.
 */
export function livenessOptions(sessionTimeoutMs: number, given: Partial<LivenessOptions> = {}): LivenessOptions {
  return {
    stallAfterMs: given.stallAfterMs ?? Math.max(60_000, 3 * sessionTimeoutMs),
    restartDelayMs: given.restartDelayMs ?? 1_000,
    maxRestartDelayMs: given.maxRestartDelayMs ?? 30_000,
    leaveTimeoutMs: given.leaveTimeoutMs ?? Math.max(10_000, sessionTimeoutMs),
  };
}

/** What the liveness restarts: the consumer's kafkajs member, one at a time. */
export interface Member {
  readonly group: string;
  readonly topic: string;
  /** A fresh kafkajs member, connected, subscribed and running; rejects if it could not start. */
  start(): Promise<void>;
  /** Lets the current member go (its deliveries end uncommitted, it leaves the group); never rejects. */
  leave(): Promise<void>;
}

/**
 * Keeps a consumer group member running past what kafkajs restarts by itself. kafkajs 2.2.4
 * restarts a crashed member only when the error is retriable; any other crash (a group coordinator
 * not found while the broker restarts, a protocol error at join) leaves it stopped for good, with a
 * `consumer.crash` event as the only trace. And some ends leave no trace at all: when `onCrash`'s
 * own disconnect throws, kafkajs emits no crash and restarts nothing. So:
 * - every crash is logged at error, and one kafkajs will not restart is restarted here;
 * - a watchdog restarts a member that has not fetched for `stallAfterMs` (kafkajs fetches every
 *   `maxWaitTimeInMs` even when idle), unless a batch is in a handler, which may wait on retries;
 * - a restart takes a fresh member after a pause, and tries again, the pause doubled up to a cap
 *   (jittered),
 *   until one runs or the consumer stops.
 */
export class ConsumerLiveness {
  #member: Member;
  #options: LivenessOptions;
  #logger: Logger;
  #stopped: AbortSignal;
  #lastProgress = Date.now();
  #inHandlers = 0;
  #watchdog: NodeJS.Timeout | undefined;
  #restarting: Promise<void> | undefined;
  /** Set when the member being started crashed for good during its start (its run resolved all the same). */
  #startCrash: Error | undefined;

  constructor(member: Member, options: LivenessOptions, logger: Logger, stopped: AbortSignal) {
    this.#member = member;
    this.#options = options;
    this.#logger = logger;
    this.#stopped = stopped;
  }

  /** Follows a kafkajs member's crashes and fetches; returns what stops following it. */
  watch(consumer: KafkajsConsumer): () => void {
    const removers = [
      consumer.on(consumer.events.CRASH, ({ payload }) => this.#crashed(payload.error, payload.restart)),
      consumer.on(consumer.events.FETCH, () => this.#progress()),
      consumer.on(consumer.events.GROUP_JOIN, () => this.#progress()),
    ];
    return () => {
      for (const remove of removers) remove();
    };
  }

  /** Starts the watchdog, once the first member runs. */
  arm(): void {
    if (this.#watchdog !== undefined || this.#stopped.aborted) return;
    this.#progress();
    const every = Math.max(100, Math.min(this.#options.stallAfterMs / 4, 5_000));
    this.#watchdog = setInterval(() => this.#check(), every);
    // Cleared by stop(); unref'd so that a consumer nobody stopped does not hold the process.
    this.#watchdog.unref();
  }

  /** Runs a batch: a member whose batch is in a handler is not stalled, however long the handler waits. */
  async handling<T>(work: () => Promise<T>): Promise<T> {
    this.#inHandlers += 1;
    try {
      return await work();
    } finally {
      this.#inHandlers -= 1;
      this.#progress();
    }
  }

  /** Ends the watchdog and waits for a restart under way, which the consumer's stop signal cuts short. */
  async stop(): Promise<void> {
    clearInterval(this.#watchdog);
    this.#watchdog = undefined;
    await this.#restarting;
  }

  #progress(): void {
    this.#lastProgress = Date.now();
  }

  #crashed(error: Error, kafkajsRestarts: boolean): void {
    if (this.#stopped.aborted) return;
    const { group, topic } = this.#member;
    this.#logger.error(
      { group, topic, error: `${error.name}: ${error.message}`, kafkajsRestarts },
      kafkajsRestarts ? 'consumer crashed, kafkajs restarts it' : 'consumer crashed, kafkajs will not restart it',
    );
    if (kafkajsRestarts) return;
    if (this.#restarting !== undefined) this.#startCrash = error;
    else this.#restart();
  }

  #check(): void {
    if (this.#restarting !== undefined || this.#inHandlers > 0 || this.#stopped.aborted) return;
    const silentMs = Date.now() - this.#lastProgress;
    if (silentMs < this.#options.stallAfterMs) return;
    const { group, topic } = this.#member;
    this.#logger.error({ group, topic, silentMs }, `consumer stalled: no fetch for ${silentMs} ms, restarting it`);
    this.#restart();
  }

  #restart(): void {
    if (this.#restarting !== undefined || this.#stopped.aborted) return;
    this.#restarting = this.#untilRunning();
  }

  async #untilRunning(): Promise<void> {
    try {
      await this.#restartAttempts();
    } finally {
      // At once, not a tick later: a crash from then on starts a restart of its own.
      this.#restarting = undefined;
      this.#progress();
    }
  }

  async #restartAttempts(): Promise<void> {
    const { group, topic } = this.#member;
    const begun = Date.now();
    await this.#member.leave();
    for (let attempt = 1; ; attempt += 1) {
      const { restartDelayMs, maxRestartDelayMs } = this.#options;
      const delayMs = backoffDelay(
        { initialDelayMs: restartDelayMs, maxDelayMs: maxRestartDelayMs, multiplier: 2 },
        attempt,
      );
      this.#logger.error({ group, topic, attempt, delayMs }, `consumer restart ${attempt} in ${delayMs} ms`);
      await sleep(delayMs, this.#stopped);
      if (this.#stopped.aborted) return;
      this.#startCrash = undefined;
      try {
        await this.#member.start();
        // kafkajs's run() resolves even when the join crashed for good: that is a failed start too.
        if (this.#startCrash !== undefined) throw this.#startCrash;
        if (this.#stopped.aborted) return;
        this.#logger.warn(
          { group, topic, attempts: attempt, downMs: Date.now() - begun },
          'consumer running again after a restart',
        );
        return;
      } catch (error) {
        // A stop during the start: the consumer's stop lets this member go.
        if (this.#stopped.aborted) return;
        this.#logger.error(
          { group, topic, attempt, error: `${(error as Error).name}: ${(error as Error).message}` },
          'consumer restart failed',
        );
        await this.#member.leave();
      }
    }
  }
}
