import type { Consumer as KafkajsConsumer } from 'kafkajs';
import type { ConsumeOptions, Consumer, OutgoingMessage } from '../bus/bus.ts';
import { deliver } from '../bus/delivery.ts';
import { DeliveryInterrupted } from '../bus/errors.ts';
import { batchConcurrency, handleKeyedBatch } from '../bus/keyed-batch.ts';
import type { Logger } from '../bus/logger.ts';
import { retryPolicy } from '../bus/retry-policy.ts';
import type { DeadLetter, MessageHeaders, TopicContract } from '../topic/topic-contract.ts';
import type { LagSource } from './consumer-lag.ts';

export interface KafkaConsumerSettings {
  partitionsConsumedConcurrently: number;
  logger: Logger;
  publishDeadLetter(topic: TopicContract<DeadLetter>, message: OutgoingMessage<DeadLetter>): Promise<void>;
}

/**
 * A consumer group member on kafkajs. A fetched batch is handled by key (`handleKeyedBatch`:
 * distinct keys at once up to the consumer's `concurrency`, each key in order); offsets are
 * resolved up to the last message of the done prefix only, and kafkajs commits the resolved ones
 * after each batch, before a rebalance and on disconnect: a message is never committed before its
 * handler succeeded, nor past one whose handler did not, and a stop commits what was processed.
 */
export class KafkaConsumer implements Consumer, LagSource {
  readonly group: string;
  readonly ready: Promise<void>;
  topic = '';
  fromBeginning = true;
  #assigned: readonly number[] = [];
  #consumer: KafkajsConsumer;
  #stop = new AbortController();
  #stopped: Promise<void> | undefined;
  #onStop: (consumer: KafkaConsumer) => void;

  constructor(consumer: KafkajsConsumer, group: string, onStop: (consumer: KafkaConsumer) => void) {
    this.#consumer = consumer;
    this.group = group;
    this.#onStop = onStop;
    // Every join (the first, and each rebalance) says which partitions this member now owns.
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      this.#assigned = Object.values(payload.memberAssignment).flat();
    });
    this.ready = new Promise((resolve) => {
      const remove = consumer.on(consumer.events.GROUP_JOIN, () => {
        remove();
        resolve();
      });
    });
  }

  async run<Payload, Headers extends MessageHeaders>(
    options: ConsumeOptions<Payload, Headers>,
    settings: KafkaConsumerSettings,
  ): Promise<void> {
    this.topic = options.topic.name;
    this.fromBeginning = options.fromBeginning ?? true;
    const policy = retryPolicy(options.retry);
    const concurrency = batchConcurrency(options.concurrency);
    const signal = this.#stop.signal;
    await this.#consumer.connect();
    await this.#consumer.subscribe({ topic: options.topic.name, fromBeginning: this.fromBeginning });
    await this.#consumer.run({
      autoCommit: true,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: settings.partitionsConsumedConcurrently,
      eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
        const delivery = {
          group: options.group,
          topic: options.topic,
          handler: options.handler,
          policy,
          publishDeadLetter: settings.publishDeadLetter,
          signal,
          heartbeat,
          logger: settings.logger,
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
      },
    });
  }

  /** The partitions of `topic` this member owns since its last join. */
  assigned(): readonly number[] {
    return this.#stop.signal.aborted ? [] : this.#assigned;
  }

  stop(): Promise<void> {
    this.#stopped ??= (async () => {
      this.#stop.abort();
      this.#onStop(this);
      await this.#consumer.disconnect();
    })();
    return this.#stopped;
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
