import type { TicketStatus } from '../src/ticket/ticket-classification.ts';
import { TicketCommand } from '../src/ticket/ticket-commands.ts';
import { ticketDecider } from '../src/ticket/ticket-decider.ts';
import { TicketEvent } from '../src/ticket/ticket-events.ts';
import { specify } from './given-when-then.ts';
import {
  cancelled,
  closed,
  customerInputRequested,
  informationRequested,
  received,
  rejected,
  resolved,
  takenCharge,
  workaroundProvided,
  workStarted,
} from './ticket-event-builders.ts';

export * from './ticket-command-builders.ts';
export * from './ticket-event-builders.ts';
export * from './ticket-fixtures.ts';

/** Ticket specifications; every command and emitted event is checked against its schema. */
export const { given } = specify(ticketDecider, { commands: TicketCommand, events: TicketEvent });

/** The shortest history of DOMAIN.md's example 1 that leaves the ticket in `status`. */
export function until(status: TicketStatus): TicketEvent[] {
  const inProgress = [received(), takenCharge(), workStarted()];
  switch (status) {
    case 'received':
      return [received()];
    case 'awaiting_information':
      return [received({ version: undefined }), informationRequested(['version'])];
    case 'taken_charge':
      return [received(), takenCharge()];
    case 'in_progress':
      return inProgress;
    case 'awaiting_customer':
      return [...inProgress, customerInputRequested()];
    case 'workaround_provided':
      return [...inProgress, workaroundProvided()];
    case 'resolved':
      return [...inProgress, resolved()];
    case 'closed':
      return [...inProgress, resolved(), closed()];
    case 'rejected':
      return [received(), rejected()];
    case 'cancelled':
      return [received(), cancelled()];
  }
}
