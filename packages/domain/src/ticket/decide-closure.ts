import { ok } from '../shared/result.ts';
import { toEpochMs } from '../shared/time.ts';
import { isWithinReopenWindow, reopenWindowEnd } from './reopen-window.ts';
import { ticketEvent } from './ticket-events.ts';
import { type Decision, onMovable, refuse } from './ticket-refusal.ts';
import type { TicketState } from './ticket-state.ts';
import type { CloseTicket, ReopenTicket } from './ticket-work-commands.ts';

/**
 * Only a resolved ticket closes: confirmed by the client, by the manager, or once its reopen window
 * has elapsed (strictly after its end, the end itself still allowing a reopening).
 */
export function close(command: CloseTicket, state: TicketState): Decision {
  return onMovable(command, state, (ticket) => {
    const resolvedAt = ticket.milestones.resolution;
    if (ticket.status !== 'resolved' || resolvedAt === undefined) return refuse('ticket.not_resolved', command, ticket);
    if (
      command.reason === 'reopen_window_elapsed' &&
      isWithinReopenWindow(resolvedAt, command.at, command.reopenWindowDays)
    ) {
      const end = reopenWindowEnd(resolvedAt, command.reopenWindowDays);
      return refuse('ticket.reopen_window_open', command, ticket, `its reopen window runs until ${end}`, {
        resolvedAt,
        windowEnd: end,
      });
    }
    const { ticketId, reason, by, at } = command;
    return ok([ticketEvent('TicketClosed', { ticketId, reason, by, at })]);
  });
}

/** Within the contract's window after the last resolution, a reopened ticket goes back to work. */
export function reopen(command: ReopenTicket, state: TicketState): Decision {
  return onMovable(command, state, (ticket) => {
    const resolvedAt = ticket.milestones.resolution;
    if (ticket.status !== 'resolved' || resolvedAt === undefined) return refuse('ticket.not_resolved', command, ticket);
    if (!isWithinReopenWindow(resolvedAt, command.at, command.reopenWindowDays)) {
      const end = reopenWindowEnd(resolvedAt, command.reopenWindowDays);
      const elapsedMs = toEpochMs(command.at) - toEpochMs(resolvedAt);
      return refuse('ticket.reopen_window_elapsed', command, ticket, `its reopen window ended at ${end}`, {
        resolvedAt,
        windowEnd: end,
        elapsedMs,
      });
    }
    const { ticketId, reason, by, at } = command;
    return ok([ticketEvent('TicketReopened', { ticketId, reason, by, at })]);
  });
}
