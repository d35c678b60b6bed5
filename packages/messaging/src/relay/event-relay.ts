import type { EventData, EventStore, RecordedEvent } from '@hotline/eventstore';
import { context, SpanKind, trace } from '@opentelemetry/api';
import type { Bus } from '../bus/bus.ts';
import type { Logger } from '../bus/logger.ts';
import { type EventHeaders, eventsTopic } from '../contracts/events.ts';
import type { TopicContract } from '../topic/topic-contract.ts';
import { eventMessage } from './event-message.ts';
import { type FollowerState, LogFollower } from './log-follower.ts';
import { type RelayCheckpoints, type RelayLeadership, SoleRelay } from './relay-coordination.ts';

export interface EventRelayOptions {
  store: Pick<EventStore, 'subscribe'>;
  bus: Pick<Bus, 'publish' | 'ensureTopics'>;
  /** Where the last published position is kept; with `leadership`, usually the same object. */
  checkpoints: RelayCheckpoints;
  /** Which relay is active; a sole relay (embedded mode) by default. */
  leadership?: RelayLeadership;
  topic?: TopicContract<EventData, EventHeaders>;
  /** Most events in one publish (and one checkpoint write). */
  maxBatchSize?: number;
  /** Events read ahead of the publisher; the store's subscription waits beyond that. */
  bufferSize?: number;
  logger?: Logger;
  /** Told the size of each batch once it is published and checkpointed (the publish rate's counter). */
  onPublished?: (count: number) => void;
}

export type RelayState = FollowerState;

const tracer = trace.getTracer('@hotline/messaging');

/**
 * Follows the store's global log from its checkpoint and publishes every event to
 * support.events.v1, keyed by stream id, in batches (a `LogFollower` of the whole log): after a
 * crash the next relay publishes again what was sent but not checkpointed (duplicates, never a
 * loss). Each batch is one PRODUCER span, whose context every message carries.
 */
export class EventRelay extends LogFollower {
  constructor(options: EventRelayOptions) {
    const { bus, checkpoints } = options;
    const topic = options.topic ?? eventsTopic;
    super({
      name: 'relay',
      store: options.store,
      checkpoints,
      leadership: options.leadership ?? (checkpoints instanceof SoleRelay ? checkpoints : new SoleRelay()),
      beginTerm: () => bus.ensureTopics([topic]),
      publish: (batch, untilSent) =>
        publishEvents(batch, topic, (messages) => untilSent(() => bus.publish(topic, messages))),
      maxBatchSize: options.maxBatchSize,
      bufferSize: options.bufferSize,
      logger: options.logger,
      onPublished: options.onPublished,
    });
  }
}

/** One batch of events as messages under one span, sent by `send` (which retries). */
async function publishEvents(
  batch: readonly RecordedEvent[],
  topic: TopicContract<EventData, EventHeaders>,
  send: (messages: ReturnType<typeof eventMessage>[]) => Promise<void>,
): Promise<number> {
  const span = tracer.startSpan(`${topic.name} publish`, {
    kind: SpanKind.PRODUCER,
    attributes: {
      'messaging.system': 'kafka',
      'messaging.operation.type': 'send',
      'messaging.destination.name': topic.name,
      'messaging.batch.message_count': batch.length,
      'hotline.relay.first_position': batch[0]!.position.toString(),
      'hotline.relay.last_position': batch[batch.length - 1]!.position.toString(),
    },
  });
  const traceContext = trace.setSpan(context.active(), span);
  try {
    await send(batch.map((event) => eventMessage(event, traceContext)));
    return batch.length;
  } finally {
    span.end();
  }
}
