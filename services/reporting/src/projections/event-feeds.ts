import type { EventData, EventStore, Subscription } from '@hotline/eventstore';
import { type Bus, type Consumer, type EventHeaders, eventFromMessage, eventsTopic } from '@hotline/messaging';
import type { Projected, Projector } from './projector.ts';
import { projectedStreamPrefixes } from './stream-records.ts';

export interface RunningFeed {
  stop(): Promise<void>;
}

export type OnProjected = (outcome: Projected, position: bigint) => void;

/** The projections' member of their consumer group on support.events.v1 (Kafka, or the embedded bus). */
export async function busFeed(
  bus: Bus,
  group: string,
  projector: Projector,
  onProjected: OnProjected,
): Promise<RunningFeed> {
  const consumer: Consumer = await bus.consume<EventData, EventHeaders>({
    group,
    topic: eventsTopic,
    fromBeginning: true,
    // Events of distinct streams folded at once: each is a compare-and-set on its own stream's
    // record, so their Redis round trips overlap (one connection pipelines them) instead of queueing.
    concurrency: 32,
    handler: async (message) => {
      const event = eventFromMessage(message);
      onProjected(await projector.apply(event), event.position);
    },
  });
  return { stop: () => consumer.stop() };
}

/** The store's global log, followed directly: for a process without a relay, and for tests. */
export function storeFeed(store: EventStore, projector: Projector, onProjected: OnProjected, after = 0n): RunningFeed {
  const subscription: Subscription = store.subscribe(
    async (event) => onProjected(await projector.apply(event), event.position),
    { after, filter: { streamPrefixes: projectedStreamPrefixes } },
  );
  return { stop: () => subscription.stop() };
}
