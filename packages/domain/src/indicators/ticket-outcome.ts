import type { CoverageVerdict } from '../contract/coverage-verdict.ts';
import { toEpochMs } from '../shared/time.ts';
import type { TicketSla } from '../sla/ticket-sla.ts';
import { evolveTicket } from '../ticket/evolve.ts';
import type { Environment, Nature, Priority } from '../ticket/ticket-classification.ts';
import type { TicketEvent } from '../ticket/ticket-events.ts';
import { initialTicketState } from '../ticket/ticket-state.ts';

/** What the indicators read of one ticket, as of an instant; reporting and audit build it the same way. */
export interface TicketOutcome {
  readonly ticketId: string;
  /** Null while an incomplete request has not named its client. */
  readonly clientId: string | null;
  readonly coverage: CoverageVerdict['status'];
  readonly nature: Nature;
  readonly priority: Priority;
  /** Null while an incomplete request has not named it: such a ticket never counts as production. */
  readonly environment: Environment | null;
  readonly receivedAt: number;
  /** The resolution that stands (after any reopening); null while open. */
  readonly resolvedAt: number | null;
  /** Rejected or cancelled: not counted in the indicators. */
  readonly withdrawn: boolean;
  readonly withinDeadlines: boolean | null;
  readonly overrunMs: number;
  readonly overrunDays: number;
  readonly penaltyClaimsAt: readonly number[];
}

/**
 * A ticket's outcome as of the SLA's `now`, from its events and its SLA. Penalty claims are dated by
 * their events; withdrawn means rejected or cancelled.
 */
export function ticketOutcomeOf(events: readonly TicketEvent[], sla: TicketSla): TicketOutcome {
  const ticket = events.reduce(evolveTicket, initialTicketState);
  if (ticket.status === 'none') throw new Error('A ticket outcome needs a received ticket');
  return {
    ticketId: ticket.ticketId,
    clientId: ticket.clientId ?? null,
    coverage: sla.coverage.status,
    nature: ticket.nature,
    priority: ticket.priority,
    environment: ticket.environment ?? null,
    receivedAt: sla.timeline.receivedAt,
    resolvedAt: sla.evaluation.resolvedAt,
    withdrawn: ticket.status === 'rejected' || ticket.status === 'cancelled',
    withinDeadlines: sla.evaluation.withinDeadlines,
    overrunMs: sla.evaluation.overrunMs,
    overrunDays: sla.evaluation.overrunDays,
    penaltyClaimsAt: events.filter((event) => event.type === 'PenaltyClaimed').map((event) => toEpochMs(event.at)),
  };
}
