import type { Metrics } from '@hotline/runtime';
import type { Bus, ConsumeOptions, Consumer, OutgoingMessage } from '../bus/bus.ts';
import { deliver } from '../bus/delivery.ts';
import { BusClosedError, DeliveryInterrupted } from '../bus/errors.ts';
import { batchConcurrency, handleKeyedBatch } from '../bus/keyed-batch.ts';
import { exportLag, type LagExport, type LagReading } from '../bus/lag-export.ts';
import { consoleLogger, type Logger } from '../bus/logger.ts';
import { checkMessage, encodeChecked } from '../bus/message-codec.ts';
import { retryPolicy } from '../bus/retry-policy.ts';
import {
  type AnyTopic,
  type DeadLetter,
  type MessageHeaders,
  type TopicContract,
  withDeadLetters,
} from '../topic/topic-contract.ts';
import { ConsumerGroup } from './consumer-group.ts';
import { PartitionLog, partitionOf } from './partition-log.ts';

/** Most messages of a partition handed to a member at once, as a Kafka fetch bounds its bytes. */
const MAX_BATCH = 500;

export interface InProcessBusOptions {
  logger?: Logger;
}

class InProcessTopic {
  readonly logs: PartitionLog[];
  readonly groups = new Map<string, ConsumerGroup>();

  constructor(partitions: number) {
    this.logs = Array.from({ length: partitions }, () => new PartitionLog());
  }

  group(name: string, fromBeginning: boolean): ConsumerGroup {
    let group = this.groups.get(name);
    if (group === undefined) {
      group = new ConsumerGroup(name, this.logs, fromBeginning, (partition) => this.#trim(partition));
      this.groups.set(name, group);
    }
    return group;
  }

  // Retention: what every group has committed is dropped. A group that comes later starts at the
  // oldest message still held, as a Kafka group would after the topic's retention ran.
  #trim(partition: number): void {
    let lowest = Number.POSITIVE_INFINITY;
    for (const group of this.groups.values()) lowest = Math.min(lowest, group.committed(partition));
    if (Number.isFinite(lowest)) this.logs[partition]?.trimBefore(lowest);
  }
}

/**
 * The embedded Bus: topics of partitioned in-memory logs, consumer groups with committed offsets,
 * the same delivery as the Kafka adapter (shared `deliver`: validation, retries, dead letters).
 * It lives as long as the process: in embedded mode the relay republishes from the event store
 * after a restart, so what a crash takes away comes back.
 */
export class InProcessBus implements Bus {
  #topics = new Map<string, InProcessTopic>();
  #consumers = new Set<InProcessConsumer>();
  #logger: Logger;
  #lag: LagExport | undefined;
  #closed = false;

  constructor(options: InProcessBusOptions = {}) {
    this.#logger = options.logger ?? consoleLogger;
  }

  async ensureTopics(topics: readonly AnyTopic[]): Promise<void> {
    for (const topic of withDeadLetters(topics)) {
      if (!this.#topics.has(topic.name)) this.#topics.set(topic.name, new InProcessTopic(topic.partitions));
    }
  }

  async publish<Payload, Headers extends MessageHeaders>(
    topic: TopicContract<Payload, Headers>,
    messages: readonly OutgoingMessage<Payload, Headers>[],
  ): Promise<void> {
    if (this.#closed) throw new BusClosedError();
    // Everything is checked before anything is appended: a bad message fails the whole publish.
    // The groups of this process share the contract's copy of the payload: none parses the JSON again.
    const encoded = messages.map((message) => {
      const checked = checkMessage(topic, message);
      return { ...encodeChecked(checked), checkedBy: topic as AnyTopic, decoded: { payload: checked.payload } };
    });
    const target = await this.#topic(topic as AnyTopic);
    for (const message of encoded) {
      const log = target.logs[partitionOf(message.key, target.logs.length)]!;
      log.append(message);
    }
  }

  async consume<Payload, Headers extends MessageHeaders>(options: ConsumeOptions<Payload, Headers>): Promise<Consumer> {
    if (this.#closed) throw new BusClosedError();
    const topic = await this.#topic(options.topic as AnyTopic);
    const group = topic.group(options.group, options.fromBeginning ?? true);
    const delivery = {
      group: options.group,
      topic: options.topic,
      handler: options.handler,
      accepts: options.accepts,
      policy: retryPolicy(options.retry),
      publishDeadLetter: (target: TopicContract<DeadLetter>, message: OutgoingMessage<DeadLetter>) =>
        this.publish(target, [message]),
      logger: this.#logger,
    };
    const concurrency = batchConcurrency(options.concurrency);
    const consumer: InProcessConsumer = new InProcessConsumer(group, (stopped) => this.#consumers.delete(stopped));
    const memberId = group.join(async (partition, from, signal, commit) => {
      const log = topic.logs[partition]!;
      const owned = { ...delivery, signal };
      let offset = from;
      while (!signal.aborted) {
        await log.waitFor(offset, signal);
        if (signal.aborted) break;
        offset = Math.max(offset, log.start);
        // What the log holds from here makes the batch, as a Kafka fetch would.
        const batch = log.readFrom(offset, MAX_BATCH).map((raw, index) => ({
          topic: options.topic.name,
          partition,
          offset: String(offset + index),
          key: raw.key,
          value: raw.value,
          headers: { ...raw.headers },
          checkedBy: raw.checkedBy,
          decoded: raw.decoded,
        }));
        let kept = true;
        try {
          await handleKeyedBatch(batch, {
            concurrency,
            handle: (message) => deliver(owned, message),
            proceed: () => kept && !signal.aborted,
            settled: (index) => {
              kept = commit(Number(batch[index]!.offset) + 1);
              return kept;
            },
          });
        } catch (error) {
          if (error instanceof DeliveryInterrupted) break;
          throw error;
        }
        if (!kept) break;
        offset += batch.length;
      }
    });
    consumer.attach(memberId);
    this.#consumers.add(consumer);
    return consumer;
  }

  exportConsumerLag(metrics: Pick<Metrics, 'registry'>, { intervalMs }: { intervalMs?: number } = {}) {
    this.#lag?.stop();
    const lag = exportLag(metrics, async () => this.#lagReadings(), intervalMs === undefined ? {} : { intervalMs });
    this.#lag = lag;
    return { update: () => lag.update() };
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#lag?.stop();
    await Promise.all([...this.#consumers].map((consumer) => consumer.stop()));
  }

  /** Every group with members, on every partition: they all live in this process. */
  #lagReadings(): LagReading[] {
    const readings: LagReading[] = [];
    for (const [topic, { logs, groups }] of this.#topics) {
      for (const group of groups.values()) {
        if (!group.hasMembers) continue;
        logs.forEach((log, partition) => {
          readings.push({
            topic,
            partition,
            group: group.name,
            lag: Math.max(0, log.end - group.committed(partition)),
          });
        });
      }
    }
    return readings;
  }

  async #topic(contract: AnyTopic): Promise<InProcessTopic> {
    // Created from the contract on first use, as the Kafka adapter does: explicitly, never guessed.
    if (!this.#topics.has(contract.name)) await this.ensureTopics([contract]);
    return this.#topics.get(contract.name)!;
  }
}

export class InProcessConsumer implements Consumer {
  readonly group: string;
  ready: Promise<void> = Promise.resolve();
  #group: ConsumerGroup;
  #memberId: Promise<number> = Promise.resolve(0);
  #onStop: (consumer: InProcessConsumer) => void;
  #stopped = false;

  constructor(group: ConsumerGroup, onStop: (consumer: InProcessConsumer) => void) {
    this.group = group.name;
    this.#group = group;
    this.#onStop = onStop;
  }

  attach(memberId: Promise<number>): void {
    this.#memberId = memberId;
    this.ready = memberId.then(() => {});
  }

  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#onStop(this);
    await this.#group.leave(await this.#memberId);
  }

  /**
   * What a process crash does to a member: it vanishes without finishing or committing the message
   * in hand, which the next member gets again. For tests of at-least-once delivery.
   */
  async kill(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#onStop(this);
    this.#group.kill(await this.#memberId);
  }
}
