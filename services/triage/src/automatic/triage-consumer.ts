import type { EventData } from '@hotline/eventstore';
import { type Bus, type Consumer, type EventHeaders, eventFromMessage, eventsTopic } from '@hotline/messaging';
import { streams } from '@hotline/platform';
import { type AutomaticTriage, triageTicket, triageTriggers } from './ticket-triage.ts';

const triggers: ReadonlySet<string> = new Set(triageTriggers);
const ticketPrefix = streams.ticket('');

/**
 * Triage's member of its consumer group on support.events.v1. The bus hands over partitions
 * concurrently, but dispatches run one at a time in a process: each then sees the load the previous
 * one added, so two tickets received together do not both go to the agent who was the least loaded.
 */
export function consumeTicketEvents(bus: Bus, triage: AutomaticTriage, group: string): Promise<Consumer> {
  let queue: Promise<unknown> = Promise.resolve();
  return bus.consume<EventData, EventHeaders>({
    group,
    topic: eventsTopic,
    fromBeginning: true,
    handler: async (message) => {
      const { headers } = message;
      if (!triggers.has(headers['event-type']) || !headers.stream.startsWith(ticketPrefix)) return;
      const turn = queue.then(() => triageTicket(triage, eventFromMessage(message)));
      // A failed turn is the bus's to retry; the next one must not wait on it.
      queue = turn.catch(() => {});
      await turn;
    },
  });
}
