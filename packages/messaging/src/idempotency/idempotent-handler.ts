import type { EventData, RecordedEvent } from '@hotline/eventstore';
import type { IncomingMessage, MessageHandler } from '../bus/bus.ts';
import type { EventHeaders } from '../contracts/events.ts';
import { eventFromMessage } from '../relay/event-message.ts';
import type { CheckpointedState } from './checkpointed-state.ts';

/**
 * A handler of support.events.v1 that folds each event into the state of its stream exactly once:
 * `evolve` is applied with the event's global position as checkpoint, so a redelivery is ignored.
 */
export function idempotentEventHandler<State>(
  state: CheckpointedState<State>,
  evolve: (state: State | undefined, event: RecordedEvent) => State,
  onApplied?: (event: RecordedEvent, outcome: 'applied' | 'duplicate') => void,
): MessageHandler<EventData, EventHeaders> {
  return async (message: IncomingMessage<EventData, EventHeaders>) => {
    const event = eventFromMessage(message);
    const outcome = await state.apply(event.stream, event.position, (current) => evolve(current, event));
    onApplied?.(event, outcome);
  };
}
