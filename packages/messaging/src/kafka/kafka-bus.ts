import type { Metrics } from '@hotline/runtime';
import {
  type Admin,
  type Kafka,
  Kafka as KafkaClient,
  type KafkaConfig,
  logLevel,
  Partitioners,
  type Producer,
} from 'kafkajs';
import type { Bus, ConsumeOptions, Consumer, OutgoingMessage } from '../bus/bus.ts';
import { BusClosedError } from '../bus/errors.ts';
import { consoleLogger, type Logger } from '../bus/logger.ts';
import { encodeMessage } from '../bus/message-codec.ts';
import { type AnyTopic, type MessageHeaders, type TopicContract, withDeadLetters } from '../topic/topic-contract.ts';
import { exportConsumerLag } from './consumer-lag.ts';
import { type LivenessOptions, livenessOptions } from './consumer-liveness.ts';
import { KafkaConsumer } from './kafka-consumer.ts';
import { kafkajsLogCreator } from './kafkajs-log.ts';
import { createMissingTopics } from './topic-admin.ts';

export interface KafkaBusOptions {
  brokers: string[];
  clientId?: string;
  logger?: Logger;
  /**
   * kafkajs's own log (connection errors it retries, crashes, restarts) into `logger`: WARN by
   * default, ERROR for its errors only, NOTHING to silence it (`kafkajs-log.ts`).
   */
  kafkajsLogLevel?: logLevel;
  /** Replication factor of the topics it creates: 1 on a single broker, 3 in production. */
  replicationFactor?: number;
  /** Bounded below by the broker's group.min.session.timeout.ms (6 s by default). */
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  /** How long a fetch waits for data: also bounds how long a stop waits for an idle fetch. */
  maxWaitTimeInMs?: number;
  /**
   * Partitions a consumer handles at once (order within each is kept). All of the topic's by
   * default, up to 16: kafkajs commits after every partition batch, a round trip each, and with
   * few partitions at a time those commits queue up and add latency under a trickle of messages.
   */
  partitionsConsumedConcurrently?: number;
  /**
   * How a consumer kafkajs gave up on is brought back (`consumer-liveness.ts`): stalled after
   * `stallAfterMs` without a fetch (max(60 s, 3 × the session timeout)), restarted after
   * `restartDelayMs` (1 s), doubled per failed attempt up to `maxRestartDelayMs` (30 s), the old
   * member waited for at most `leaveTimeoutMs` (max(10 s, the session timeout)).
   */
  consumerLiveness?: Partial<LivenessOptions>;
  /** More kafkajs client settings (SSL, SASL…). */
  kafka?: Partial<KafkaConfig>;
}

/**
 * The distributed Bus on Kafka (kafkajs 2.2.4): an idempotent producer writing with `acks: all`
 * (each message once per partition, in order, even when a send is retried), topics created from
 * their contracts, consumer groups committing only what was handled.
 */
export class KafkaBus implements Bus {
  #kafka: Kafka;
  #options: KafkaBusOptions;
  #logger: Logger;
  #producer: Producer;
  #admin: Admin;
  #connected: Promise<void> | undefined;
  #known = new Set<string>();
  #consumers = new Set<KafkaConsumer>();
  #closed = false;
  #lag: ReturnType<typeof exportConsumerLag> | undefined;

  constructor(options: KafkaBusOptions) {
    this.#options = options;
    this.#logger = options.logger ?? consoleLogger;
    this.#kafka = new KafkaClient({
      clientId: options.clientId ?? 'hotline',
      brokers: options.brokers,
      logLevel: options.kafkajsLogLevel ?? logLevel.WARN,
      logCreator: kafkajsLogCreator(this.#logger),
      ...options.kafka,
    });
    this.#producer = this.#kafka.producer({
      idempotent: true,
      // One request in flight per broker keeps the order of retried sends beyond doubt.
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
      allowAutoTopicCreation: false,
    });
    this.#admin = this.#kafka.admin();
  }

  /** The kafkajs client, for what the port does not cover (the benchmark's raw producer). */
  get client(): Kafka {
    return this.#kafka;
  }

  async ensureTopics(topics: readonly AnyTopic[]): Promise<void> {
    await this.#connect();
    const wanted = withDeadLetters(topics).filter((topic) => !this.#known.has(topic.name));
    if (wanted.length === 0) return;
    await createMissingTopics(this.#admin, wanted, this.#options.replicationFactor ?? 1);
    for (const topic of wanted) this.#known.add(topic.name);
  }

  async publish<Payload, Headers extends MessageHeaders>(
    topic: TopicContract<Payload, Headers>,
    messages: readonly OutgoingMessage<Payload, Headers>[],
  ): Promise<void> {
    if (this.#closed) throw new BusClosedError();
    const encoded = messages.map((message) => encodeMessage(topic, message));
    await this.ensureTopics([topic as AnyTopic]);
    if (encoded.length === 0) return;
    await this.#producer.send({ topic: topic.name, acks: -1, messages: encoded });
  }

  async consume<Payload, Headers extends MessageHeaders>(options: ConsumeOptions<Payload, Headers>): Promise<Consumer> {
    if (this.#closed) throw new BusClosedError();
    await this.ensureTopics([options.topic as AnyTopic]);
    const sessionTimeout = this.#options.sessionTimeoutMs ?? 10_000;
    const consumer = new KafkaConsumer(
      options.group,
      {
        partitionsConsumedConcurrently:
          this.#options.partitionsConsumedConcurrently ?? Math.min(options.topic.partitions, 16),
        logger: this.#logger,
        liveness: livenessOptions(sessionTimeout, this.#options.consumerLiveness),
        publishDeadLetter: (target, message) => this.publish(target, [message]),
        createMember: (mayRestart) =>
          this.#kafka.consumer({
            groupId: options.group,
            sessionTimeout,
            rebalanceTimeout: Math.max(sessionTimeout, 10_000),
            heartbeatInterval: this.#options.heartbeatIntervalMs ?? Math.max(100, Math.floor(sessionTimeout / 10)),
            maxWaitTimeInMs: this.#options.maxWaitTimeInMs ?? 500,
            allowAutoTopicCreation: false,
            // A broker outage outlasts kafkajs's retries: the consumer restarts and rejoins rather than dying.
            retry: { retries: 8, restartOnFailure: async () => !this.#closed && mayRestart() },
          }),
      },
      (stopped) => this.#consumers.delete(stopped),
    );
    this.#consumers.add(consumer);
    try {
      await consumer.run(options);
    } catch (error) {
      // Refused options or a broker that would not take it: no member is left behind half started.
      await consumer.stop().catch(() => {});
      throw error;
    }
    return consumer;
  }

  /**
   * Feeds `hotline_consumer_lag_messages` for the partitions this bus's consumers own, every
   * `intervalMs` (5 s), on the server's registry; `update` measures at once.
   */
  exportConsumerLag(metrics: Pick<Metrics, 'registry'>, { intervalMs }: { intervalMs?: number } = {}) {
    this.#lag?.stop();
    this.#lag = exportConsumerLag(this.#admin, metrics, () => this.#consumers, {
      ...(intervalMs === undefined ? {} : { intervalMs }),
      onError: (error) => this.#logger.warn({ error: (error as Error).message }, 'consumer lag not measured'),
    });
    return { update: () => this.#connect().then(() => this.#lag?.update()) };
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#lag?.stop();
    await Promise.all([...this.#consumers].map((consumer) => consumer.stop()));
    if (this.#connected !== undefined) {
      await this.#connected.catch(() => {});
      await Promise.all([this.#producer.disconnect(), this.#admin.disconnect()]);
    }
  }

  #connect(): Promise<void> {
    this.#connected ??= Promise.all([this.#producer.connect(), this.#admin.connect()]).then(
      () => {},
      (error: unknown) => {
        // Not cached: the next call tries again (the broker may be starting).
        this.#connected = undefined;
        throw error;
      },
    );
    return this.#connected;
  }
}
