import { extractTraceContext } from '@hotline/runtime';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { AnyTopic, DeadLetter, MessageHeaders, TopicContract } from '../topic/topic-contract.ts';
import type { MessageHandler, OutgoingMessage } from './bus.ts';
import { DeliveryInterrupted, PermanentFailure } from './errors.ts';
import type { Logger } from './logger.ts';
import { type Decoded, decodeMessage } from './message-codec.ts';
import { backoffDelay, type RetryPolicy } from './retry-policy.ts';

/** A message as an adapter read it, before decoding. */
export interface ReceivedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: MessageHeaders;
  /** Set by the in-process bus: see `RawMessage.checkedBy`. */
  checkedBy?: AnyTopic | undefined;
  /** Set by the in-process bus: see `RawMessage.decoded`. */
  decoded?: { payload?: unknown } | undefined;
}

export interface DeliveryContext<Payload, Headers extends MessageHeaders> {
  group: string;
  topic: TopicContract<Payload, Headers>;
  handler: MessageHandler<Payload, Headers>;
  /** See `ConsumeOptions.accepts`. */
  accepts?: ((headers: Headers, key: string | null) => boolean) | undefined;
  policy: RetryPolicy;
  publishDeadLetter(topic: TopicContract<DeadLetter>, message: OutgoingMessage<DeadLetter>): Promise<void>;
  /** Aborted when the consumer stops: a message not yet done is left uncommitted. */
  signal: AbortSignal;
  /** Keeps the consumer's group membership alive while it waits between retries. */
  heartbeat?: () => Promise<void>;
  logger: Logger;
}

const tracer = trace.getTracer('@hotline/messaging');

/**
 * Takes one message to its end, the same way on every adapter: handled, or moved to the dead-letter
 * topic (invalid, or failing after its retries). Resolves when the message may be committed;
 * throws `DeliveryInterrupted` when the consumer stopped first (the message must stay uncommitted).
 */
export async function deliver<Payload, Headers extends MessageHeaders>(
  delivery: DeliveryContext<Payload, Headers>,
  message: ReceivedMessage,
): Promise<void> {
  const { topic, policy, signal } = delivery;
  const decoded = decodeReceived(topic, message);
  if (!decoded.ok) {
    await deadLetter(delivery, message, 0, 'messaging.invalid_message', decoded.reason);
    return;
  }
  if (delivery.accepts !== undefined && !delivery.accepts(decoded.headers, message.key)) return;
  const traceContext = extractTraceContext(message.headers);
  for (let attempt = 1; ; attempt += 1) {
    if (signal.aborted) throw new DeliveryInterrupted();
    try {
      await runHandler(delivery, message, decoded.payload, decoded.headers, attempt, traceContext);
      return;
    } catch (error) {
      if (error instanceof PermanentFailure) {
        await deadLetter(delivery, message, attempt, error.code, error.message);
        return;
      }
      const failure = error as Error;
      // Without a dead-letter topic there is nowhere to put the message: it is retried until it passes.
      const givingUp = topic.deadLetter !== undefined && attempt >= policy.maxAttempts;
      delivery.logger.warn(
        {
          topic: message.topic,
          partition: message.partition,
          offset: message.offset,
          group: delivery.group,
          attempt,
          error: failure.message,
        },
        givingUp ? 'handler failed for the last time' : 'handler failed, will retry',
      );
      if (givingUp) {
        await deadLetter(delivery, message, attempt, 'messaging.handler_failed', failure.message);
        return;
      }
      await pause(backoffDelay(policy, attempt), delivery);
    }
  }
}

/**
 * The message decoded. When the in-process bus checked it against this topic at publishing, every
 * group of the process takes the payload it checked (`RawMessage.decoded`), with nothing to parse;
 * a message without one has its JSON parsed once, by the first group, for the others.
 */
function decodeReceived<Payload, Headers extends MessageHeaders>(
  topic: TopicContract<Payload, Headers>,
  message: ReceivedMessage,
): Decoded<Payload, Headers> {
  const checked = message.checkedBy === topic;
  const shared = checked ? message.decoded : undefined;
  if (shared?.payload !== undefined)
    return { ok: true, payload: shared.payload as Payload, headers: message.headers as Headers };
  const decoded = decodeMessage(topic, message.value, message.headers, checked);
  if (shared !== undefined && decoded.ok) shared.payload = decoded.payload;
  return decoded;
}

async function runHandler<Payload, Headers extends MessageHeaders>(
  delivery: DeliveryContext<Payload, Headers>,
  message: ReceivedMessage,
  payload: Payload,
  headers: Headers,
  attempt: number,
  traceContext: ReturnType<typeof extractTraceContext>,
): Promise<void> {
  const span = tracer.startSpan(`${message.topic} process`, { kind: SpanKind.CONSUMER }, traceContext);
  // Only for a span that records (no sampler here reads attributes): a span sampled off, the
  // default, would have them built for nothing, for every message of every group.
  if (span.isRecording()) {
    span.setAttributes({
      'messaging.system': 'kafka',
      'messaging.operation.type': 'process',
      'messaging.destination.name': message.topic,
      'messaging.destination.partition.id': String(message.partition),
      'messaging.kafka.offset': Number(message.offset),
      'messaging.consumer.group.name': delivery.group,
      'messaging.kafka.message.key': message.key ?? '',
    });
  }
  try {
    await context.with(trace.setSpan(traceContext, span), () =>
      delivery.handler({
        topic: message.topic,
        partition: message.partition,
        offset: message.offset,
        key: message.key,
        headers,
        payload,
        attempt,
        traceContext,
      }),
    );
  } catch (error) {
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
    throw error;
  } finally {
    span.end();
  }
}

async function deadLetter<Payload, Headers extends MessageHeaders>(
  delivery: DeliveryContext<Payload, Headers>,
  message: ReceivedMessage,
  attempts: number,
  code: string,
  reason: string,
): Promise<void> {
  const target = delivery.topic.deadLetter;
  if (target === undefined) {
    // A dead-letter topic's own unreadable message: logged and skipped, since retrying cannot fix bytes.
    delivery.logger.error(
      { topic: message.topic, partition: message.partition, offset: message.offset, code, reason },
      'unreadable message skipped',
    );
    return;
  }
  const value = message.value ?? Buffer.alloc(0);
  const text = value.toString('utf8');
  const utf8 = Buffer.from(text, 'utf8').equals(value);
  const letter: DeadLetter = {
    sourceTopic: message.topic,
    partition: message.partition,
    offset: message.offset,
    key: message.key,
    headers: message.headers,
    payload: utf8 ? text : value.toString('base64'),
    payloadEncoding: utf8 ? 'utf8' : 'base64',
    group: delivery.group,
    attempts,
    error: { code, message: reason },
    deadLetteredAt: new Date().toISOString(),
  };
  // The message is committed only once its dead letter is stored: a failing dead-letter publish is
  // retried (the partition waits for the broker, not for ever for one message).
  for (let attempt = 1; ; attempt += 1) {
    if (delivery.signal.aborted) throw new DeliveryInterrupted();
    try {
      await delivery.publishDeadLetter(target, { key: message.key ?? '', payload: letter, headers: {} });
      return;
    } catch (error) {
      delivery.logger.error(
        { topic: target.name, attempt, error: (error as Error).message },
        'dead letter not stored, will retry',
      );
      await pause(
        backoffDelay({ ...delivery.policy, maxDelayMs: Math.max(delivery.policy.maxDelayMs, 5000) }, attempt),
        delivery,
      );
    }
  }
}

/** Waits, heartbeating, and gives up (uncommitted) when the consumer stops. */
async function pause<Payload, Headers extends MessageHeaders>(
  ms: number,
  delivery: DeliveryContext<Payload, Headers>,
): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (delivery.signal.aborted) throw new DeliveryInterrupted();
    await sleep(Math.min(until - Date.now(), 1000), delivery.signal);
    await delivery.heartbeat?.();
  }
  if (delivery.signal.aborted) throw new DeliveryInterrupted();
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
