import {
  automaticRequalification,
  awaitsDispatch,
  type DomainError,
  evolveTicket,
  initialTicketState,
  ok,
  type RequalificationRule,
  requalifiedCoverage,
  type SignedContract,
  type Ticket,
  type TicketEvent,
  type TicketState,
  ticketDecider,
  toEpochMs,
  toInstant,
} from '@hotline/domain';
import type { StreamDecider } from '@hotline/eventstore';

/** Who triage's commands are by: the service itself, not a person. */
export const TRIAGE_ACTOR = 'triage';

/** A ticket's stream as triage decides on it: the events (rules look at what happened) and their state. */
export interface TicketHistory {
  readonly events: readonly TicketEvent[];
  readonly state: TicketState;
}

/** What triage asks of a ticket; the decider works out the rest from the stream it is about to append to. */
export interface TriageCommand {
  readonly ticketId: string;
  /** The clock's now, in epoch ms. */
  readonly now: number;
}

export interface DispatchCommand extends TriageCommand {
  readonly agentId: string;
  readonly reason: string;
}

type TriageDecider<C> = StreamDecider<C, TicketEvent, TicketHistory, DomainError>;

const history = {
  initialState: { events: [], state: initialTicketState } as TicketHistory,
  evolve: (history: TicketHistory, event: TicketEvent): TicketHistory => ({
    events: [...history.events, event],
    state: evolveTicket(history.state, event),
  }),
};

/**
 * The rules applied to the ticket as it is when the requalification is appended, not as it was when
 * triage read it: if a manager requalified it meanwhile, or an agent took charge of it, the command is
 * decided again on that stream and records nothing. No event means nothing (left) to do.
 */
export function automaticRequalificationDecider(
  rules: readonly RequalificationRule[],
  contractsOf: (clientId: string) => readonly SignedContract[],
): TriageDecider<TriageCommand> {
  return {
    ...history,
    decide({ ticketId, now }, { events, state }) {
      if (state.status === 'none') return ok([]);
      const requalification = automaticRequalification(state, events, rules);
      if (requalification === null) return ok([]);
      const { nature, priority, reason } = requalification;
      const contracts = state.clientId === undefined ? [] : contractsOf(state.clientId);
      return ticketDecider.decide(
        {
          type: 'RequalifyTicket',
          ticketId,
          ...(nature === undefined ? {} : { nature }),
          ...(priority === undefined ? {} : { priority }),
          reason,
          coverage: requalifiedCoverage(state, nature ?? state.nature, contracts),
          by: TRIAGE_ACTOR,
          at: actingAt(now, state),
        },
        state,
      );
    },
  };
}

/**
 * Dispatch assigns a ticket nobody holds: an assignment made meanwhile (by the manager, by another
 * replica, by an agent taking charge) stands, and the command records nothing.
 */
export function dispatchDecider(): TriageDecider<DispatchCommand> {
  return {
    ...history,
    decide({ ticketId, now, agentId, reason }, { state }) {
      if (state.status === 'none' || !awaitsDispatch(state)) return ok([]);
      const at = actingAt(now, state);
      return ticketDecider.decide({ type: 'AssignTicket', ticketId, agentId, reason, by: TRIAGE_ACTOR, at }, state);
    },
  };
}

/** When triage acts: now, but never before the ticket's last change, which the ticket would refuse as out of order. */
function actingAt(now: number, ticket: Ticket): string {
  return toInstant(Math.max(now, toEpochMs(ticket.lastTransitionAt)));
}
