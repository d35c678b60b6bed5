import { toEpochMs } from '../shared/time.ts';
import type { TicketEvent } from '../ticket/ticket-events.ts';
import type { ClockFact } from './clock-facts.ts';

/**
 * The SLA clock's reading of a ticket's events (DOMAIN.md, clock rules 1, 2, 4–6). Events that do not
 * move the clock (assignment, messages, complaints, claims, time records) read as nothing.
 */
export function clockFactOf(event: TicketEvent): ClockFact | null {
  const at = toEpochMs(event.at);
  switch (event.type) {
    case 'TicketReceived':
      return { kind: 'received', at, nature: event.nature, priority: event.priority };
    case 'TicketRequalified':
      return {
        kind: 'requalified',
        at,
        ...(event.nature === undefined ? {} : { nature: event.nature }),
        ...(event.priority === undefined ? {} : { priority: event.priority }),
      };
    case 'TicketInformationRequested':
    case 'CustomerInputRequested':
      return { kind: 'paused', at };
    case 'TicketInformationProvided':
    case 'CustomerReplied':
      return { kind: 'resumed', at };
    case 'TicketTakenCharge':
      return { kind: 'milestone', milestone: 'takeCharge', at };
    case 'WorkaroundProvided':
      return { kind: 'milestone', milestone: 'workaround', at };
    case 'TicketResolved':
      return { kind: 'resolved', at };
    case 'TicketReopened':
      return { kind: 'reopened', at };
    case 'TicketRejected':
    case 'TicketCancelled':
      return { kind: 'stopped', at };
    default:
      return null;
  }
}

export function clockFactsOf(events: readonly TicketEvent[]): ClockFact[] {
  return events.flatMap((event) => clockFactOf(event) ?? []);
}
