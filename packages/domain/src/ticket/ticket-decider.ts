import { decideTicket } from './decide.ts';
import { evolveTicket } from './evolve.ts';
import { initialTicketState } from './ticket-state.ts';

/** The ticket's decider as one value, for the command handler and the test DSL. */
export const ticketDecider = { decide: decideTicket, evolve: evolveTicket, initialState: initialTicketState } as const;
