import type { EachBatchPayload, Consumer as KafkajsConsumer } from 'kafkajs';
import type { ConsumeOptions, Consumer, OutgoingMessage } from '../bus/bus.ts';
import { deliver } from '../bus/delivery.ts';
import { DeliveryInterrupted } from '../bus/errors.ts';
import { batchConcurrency, handleKeyedBatch } from '../bus/keyed-batch.ts';
import type { Logger } from '../bus/logger.ts';
import { type RetryPolicy, retryPolicy } from '../bus/retry-policy.ts';
import type { DeadLetter, MessageHeaders, TopicContract } from '../topic/topic-contract.ts';
import type { LagSource } from './consumer-lag.ts';
import { ConsumerLiveness, type LivenessOptions } from './consumer-liveness.ts';

export interface KafkaConsumerSettings {
  partitionsConsumedConcurrently: number;
  logger: Logger;
  liveness: LivenessOptions;
  publishDeadLetter(topic: TopicContract<DeadLetter>, message: OutgoingMessage<DeadLetter>): Promise<void>;
  /**
   * A new kafkajs consumer of the group; after a retriable crash kafkajs restarts it only while
   * `mayRestart()` says so (not once it was let go: a member left mid-join would come back).
   */
  createMember(mayRestart: () => boolean): KafkajsConsumer;
}

/** One kafkajs consumer of this member's life: the first, then one per restart. */
interface Incarnation {
  readonly consumer: KafkajsConsumer;
  /** Aborted when it is let go: its deliveries in flight end uncommitted. */
  readonly gone: AbortController;
  unwatch(): void;
}

/**
 * A consumer group member on kafkajs. A fetched batch is handled by key (`handleKeyedBatch`:
 * distinct keys at once up to the consumer's `concurrency`, each key in order); offsets are
 * resolved up to the last message of the done prefix only, and kafkajs commits the resolved ones
 * after each batch, before a rebalance and on disconnect: a message is never committed before its
 * handler succeeded, nor past one whose handler did not, and a stop commits what was processed.
 *
 * A member kafkajs gives up on (a crash it does not restart, a fetch loop that stopped) is
 * restarted by `ConsumerLiveness` on a fresh kafkajs consumer: kafkajs would let `connect()` and
 * `run()` go again on the old one once `stop()` cleared its group, but a wedged runner's stop never
 * settles (it waits for the fetch loop), and after a stop that threw, `run()` only warns.
 */
export class KafkaConsumer implements Consumer, LagSource {
  readonly group: string;
  readonly ready: Promise<void>;
  topic = '';
  fromBeginning = true;
  #assigned: readonly number[] = [];
  #settings: KafkaConsumerSettings;
  #incarnation: Incarnation | undefined;
  #liveness: ConsumerLiveness | undefined;
  #joined: () => void = () => {};
  #stop = new AbortController();
  #stopped: Promise<void> | undefined;
  #onStop: (consumer: KafkaConsumer) => void;

  constructor(group: string, settings: KafkaConsumerSettings, onStop: (consumer: KafkaConsumer) => void) {
    this.group = group;
    this.#settings = settings;
    this.#onStop = onStop;
    // Joined once, by whichever incarnation joins first; a restart does not make it pending again.
    this.ready = new Promise((resolve) => {
      this.#joined = resolve;
    });
  }

  async run<Payload, Headers extends MessageHeaders>(options: ConsumeOptions<Payload, Headers>): Promise<void> {
    this.topic = options.topic.name;
    this.fromBeginning = options.fromBeginning ?? true;
    const policy = retryPolicy(options.retry);
    const concurrency = batchConcurrency(options.concurrency);
    this.#liveness = new ConsumerLiveness(
      {
        group: this.group,
        topic: this.topic,
        start: () => this.#start(options, policy, concurrency),
        leave: () => this.#letGo(),
      },
      this.#settings.liveness,
      this.#settings.logger,
      this.#stop.signal,
    );
    await this.#start(options, policy, concurrency);
    this.#liveness.arm();
  }

  async #start<Payload, Headers extends MessageHeaders>(
    options: ConsumeOptions<Payload, Headers>,
    policy: RetryPolicy,
    concurrency: number,
  ): Promise<void> {
    const gone = new AbortController();
    const consumer = this.#settings.createMember(() => !gone.signal.aborted && !this.#stop.signal.aborted);
    const liveness = this.#liveness!;
    const unwatchLiveness = liveness.watch(consumer);
    // Every join (the first, and each rebalance) says which partitions this member now owns.
    const unwatchJoins = consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      this.#assigned = Object.values(payload.memberAssignment).flat();
      this.#joined();
    });
    const incarnation: Incarnation = {
      consumer,
      gone,
      unwatch: () => {
        unwatchLiveness();
        unwatchJoins();
      },
    };
    this.#incarnation = incarnation;
    const signal = AbortSignal.any([this.#stop.signal, gone.signal]);
    await consumer.connect();
    await consumer.subscribe({ topic: options.topic.name, fromBeginning: this.fromBeginning });
    await consumer.run({
      autoCommit: true,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.#settings.partitionsConsumedConcurrently,
      eachBatch: (payload) => {
        // Let go while kafkajs was re-joining by itself, an incarnation can run all the same (its
        // disconnect found no runner yet; the join then made one nobody can reach): its first batch
        // ends it for good, and its partitions pass to the live one when its session expires.
        if (gone.signal.aborted) throw new IncarnationGone();
        return liveness.handling(() => this.#handleBatch(payload, options, policy, concurrency, signal));
      },
    });
  }

  async #handleBatch<Payload, Headers extends MessageHeaders>(
    { batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload,
    options: ConsumeOptions<Payload, Headers>,
    policy: RetryPolicy,
    concurrency: number,
    signal: AbortSignal,
  ): Promise<void> {
    const delivery = {
      group: options.group,
      topic: options.topic,
      handler: options.handler,
      accepts: options.accepts,
      policy,
      publishDeadLetter: this.#settings.publishDeadLetter,
      signal,
      heartbeat,
      logger: this.#settings.logger,
    };
    const messages = batch.messages.map((message) => ({
      topic: batch.topic,
      partition: batch.partition,
      offset: message.offset,
      key: message.key === null ? null : message.key.toString('utf8'),
      value: message.value,
      headers: textHeaders(message.headers),
    }));
    // A heartbeat refused (a rebalance began) ends the batch once what is in flight is done.
    let leaving: { error: unknown } | undefined;
    try {
      await handleKeyedBatch(messages, {
        concurrency,
        handle: (message) => deliver(delivery, message),
        proceed: () => leaving === undefined && !signal.aborted && isRunning() && !isStale(),
        settled: (index) => {
          resolveOffset(messages[index]!.offset);
          heartbeat().catch((error: unknown) => {
            leaving ??= { error };
          });
          return true;
        },
      });
    } catch (error) {
      // Left unresolved, so uncommitted: the partition's next owner gets it again.
      if (error instanceof DeliveryInterrupted) return;
      throw error;
    }
    if (leaving !== undefined) throw leaving.error;
  }

  /**
   * Lets the current incarnation go: it leaves the group and disconnects, waited for at most
   * `leaveTimeoutMs` (a wedged one may never finish: it is left to kafkajs, unwatched).
   */
  async #letGo(): Promise<void> {
    const incarnation = this.#incarnation;
    if (incarnation === undefined) return;
    this.#incarnation = undefined;
    this.#assigned = [];
    incarnation.gone.abort();
    incarnation.unwatch();
    let timer: NodeJS.Timeout | undefined;
    const timeoutMs = this.#settings.liveness.leaveTimeoutMs;
    const timedOut = new Promise<'timed out'>((resolve) => {
      timer = setTimeout(() => resolve('timed out'), timeoutMs);
    });
    const left = incarnation.consumer.disconnect().then(
      () => 'left' as const,
      // kafkajs logged it (`Caught error when disconnecting the consumer`); the member is let go anyway.
      () => 'left' as const,
    );
    const outcome = await Promise.race([left, timedOut]);
    clearTimeout(timer);
    if (outcome === 'timed out') {
      this.#settings.logger.error(
        { group: this.group, topic: this.topic, timeoutMs },
        'consumer member did not leave in time, let go',
      );
    }
  }

  /** The partitions of `topic` this member owns since its last join. */
  assigned(): readonly number[] {
    return this.#stop.signal.aborted ? [] : this.#assigned;
  }

  stop(): Promise<void> {
    this.#stopped ??= (async () => {
      this.#stop.abort();
      this.#onStop(this);
      // A restart under way ends at its next step; then the incarnation it left, if any, goes.
      await this.#liveness?.stop();
      await this.#incarnation?.consumer.disconnect();
    })();
    return this.#stopped;
  }
}

/** Not retried by kafkajs (`retriable: false`): the runner it is thrown into stops for good. */
class IncarnationGone extends Error {
  readonly retriable = false;

  constructor() {
    super('This consumer incarnation was let go by a restart');
    this.name = 'IncarnationGone';
  }
}

function textHeaders(
  headers: Record<string, Buffer | string | (Buffer | string)[] | undefined> | undefined,
): MessageHeaders {
  const text: MessageHeaders = {};
  if (headers === undefined) return text;
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (last !== undefined) text[name] = last.toString();
  }
  return text;
}
