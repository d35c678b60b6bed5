import { decide } from './decide.ts';
import { evolve } from './evolve.ts';
import { initialTicketState } from './ticket-state.ts';

/** The ticket's decider as one value, for the command handler and the test DSL. */
export const ticketDecider = { decide, evolve, initialState: initialTicketState } as const;
