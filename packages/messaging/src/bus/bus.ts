import type { Metrics } from '@hotline/runtime';
import type { Context } from '@opentelemetry/api';
import type { AnyTopic, MessageHeaders, TopicContract } from '../topic/topic-contract.ts';
import type { LagExport } from './lag-export.ts';
import type { RetryPolicy } from './retry-policy.ts';

/** A message to publish: the payload is checked against the topic's schema before it leaves. */
export interface OutgoingMessage<Payload, Headers extends MessageHeaders = MessageHeaders> {
  key: string;
  payload: Payload;
  headers?: Headers | MessageHeaders;
}

/** A message as a handler receives it: validated, with where it came from. */
export interface IncomingMessage<Payload, Headers extends MessageHeaders = MessageHeaders> {
  topic: string;
  partition: number;
  /** Offset in the partition, as a decimal string (Kafka offsets are 64-bit). */
  offset: string;
  key: string | null;
  headers: Headers;
  payload: Payload;
  /** 1 on the first delivery to this handler, then 2, 3… while it is retried. */
  attempt: number;
  /** The producer's trace context, from the headers (W3C `traceparent`). */
  traceContext: Context;
}

export type MessageHandler<Payload, Headers extends MessageHeaders = MessageHeaders> = (
  message: IncomingMessage<Payload, Headers>,
) => Promise<void> | void;

export interface ConsumeOptions<Payload, Headers extends MessageHeaders> {
  /** Consumers of one group share the partitions; each group gets every message. */
  group: string;
  topic: TopicContract<Payload, Headers>;
  handler: MessageHandler<Payload, Headers>;
  retry?: Partial<RetryPolicy>;
  /** Where a group without a committed offset starts: the beginning (default) or new messages only. */
  fromBeginning?: boolean;
  /**
   * Messages of distinct keys a member handles at once within a partition (1 by default: one at a
   * time). The order of each key is kept whatever the value, and a partition's offsets are committed
   * only up to its first message not yet done; more than 1 lets a handler's writes group (the store's
   * group commit) where one at a time leaves each partition waiting on the previous write.
   */
  concurrency?: number;
  /**
   * Whether the group handles a message, asked from its checked headers (and key): a message it
   * declines is committed without a span or a call to the handler, as one the handler would have
   * ignored. A message that fails its contract is dead-lettered all the same. Every message when
   * omitted.
   */
  accepts?: (headers: Headers, key: string | null) => boolean;
}

/** A member of a consumer group, handling messages until stopped. */
export interface Consumer {
  readonly group: string;
  /** Resolves once the member has been given its partitions (or joined a group that has none to give). */
  readonly ready: Promise<void>;
  /**
   * Graceful stop: the message in hand is finished (or, while it waits for a retry, left
   * uncommitted for the next member), what was handled is committed, the group is left.
   */
  stop(): Promise<void>;
}

/**
 * The Bus port. Delivery is at least once, in order per key (a key always maps to one partition,
 * and a partition has one consumer per group at a time), committed only after the handler
 * succeeded. A failing handler is retried with backoff; a message that fails validation, or
 * whose handler keeps failing, goes to the topic's dead-letter topic and the partition moves on.
 * `test/bus-contract.ts` is the executable documentation: every adapter passes it.
 */
export interface Bus {
  /** Creates the topics and their dead-letter topics with their partition counts; a no-op for existing ones. */
  ensureTopics(topics: readonly AnyTopic[]): Promise<void>;
  /**
   * Resolves once every message is acknowledged (Kafka: by all in-sync replicas). A message whose
   * payload does not match the topic's schema throws `InvalidMessageError`, and nothing is sent.
   */
  publish<Payload, Headers extends MessageHeaders>(
    topic: TopicContract<Payload, Headers>,
    messages: readonly OutgoingMessage<Payload, Headers>[],
  ): Promise<void>;
  consume<Payload, Headers extends MessageHeaders>(options: ConsumeOptions<Payload, Headers>): Promise<Consumer>;
  /**
   * Feeds `hotline_consumer_lag_messages{topic, partition, group}` on the registry every `intervalMs`
   * (5 s) for the partitions this process's consumers own; `update` measures at once. A partition
   * no longer owned (a rebalance, a stop) leaves the gauge.
   */
  exportConsumerLag(metrics: Pick<Metrics, 'registry'>, options?: { intervalMs?: number }): Pick<LagExport, 'update'>;
  /** Stops every consumer (gracefully) and releases connections. */
  close(): Promise<void>;
}
