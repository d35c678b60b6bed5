import type { EventData, RecordedEvent } from '@hotline/eventstore';
import { type Bus, type Consumer, type EventHeaders, eventFromMessage, eventsTopic } from '@hotline/messaging';
import { streams } from '@hotline/platform';
import { ticketTriggers, triageTicket } from './ticket-triage.ts';
import type { AutomaticTriage } from './triage-steps.ts';
import { agentTriggers, dispatchWaitingTickets } from './waiting-tickets.ts';

type Reaction = (triage: AutomaticTriage, trigger: RecordedEvent) => Promise<unknown>;

/** Events a partition's member handles at once (of distinct streams). */
export const TRIAGE_CONCURRENCY = 32;

const reactions: { prefix: string; types: ReadonlySet<string>; react: Reaction }[] = [
  { prefix: streams.ticket(''), types: new Set(ticketTriggers), react: triageTicket },
  { prefix: streams.agent(''), types: new Set(agentTriggers), react: dispatchWaitingTickets },
];

function reactionTo(headers: EventHeaders) {
  return reactions.find(({ prefix, types }) => headers.stream.startsWith(prefix) && types.has(headers['event-type']));
}

/**
 * Triage's member of its consumer group on support.events.v1. The bus hands over partitions
 * concurrently; each reaction's decisions take their turn among the process's (TriageDirectories
 * `decide`), so two tickets received together do not both go to the least loaded agent, while
 * their assignments are written side by side.
 */
export function consumeTriageEvents(bus: Bus, triage: AutomaticTriage, group: string): Promise<Consumer> {
  return bus.consume<EventData, EventHeaders>({
    group,
    topic: eventsTopic,
    fromBeginning: true,
    // Events of distinct streams handled at once: their decisions still take turns, but the
    // assignments they write share the store's commits, where one event at a time per partition
    // left each waiting on the previous fsync (the embedded product's triage fell behind at
    // 2,000 tickets/s). A stream's events stay in order.
    concurrency: TRIAGE_CONCURRENCY,
    // Most events call for no reaction (its own assignments, every other stream): declined unhandled.
    accepts: (headers) => reactionTo(headers) !== undefined,
    handler: async (message) => {
      await reactionTo(message.headers)?.react(triage, eventFromMessage(message));
    },
  });
}
