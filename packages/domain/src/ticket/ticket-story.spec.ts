import { describe, expect, it } from 'vitest';
import {
  at,
  close,
  provideInformation,
  provideWorkaround,
  receive,
  recordCustomerReply,
  reopen,
  requalify,
  requestCustomerInput,
  resolve,
  startWork,
  takeCharge,
} from '../../test/ticket-builders.ts';
import type { TicketCommand } from './ticket-commands.ts';
import { ticketDecider } from './ticket-decider.ts';
import type { TicketEvent } from './ticket-events.ts';
import type { TicketState } from './ticket-state.ts';

/** Runs commands one after the other as a command handler would, failing on the first refusal. */
function tell(commands: TicketCommand[]): { state: TicketState; events: TicketEvent[] } {
  let state = ticketDecider.initialState;
  const events: TicketEvent[] = [];
  for (const command of commands) {
    const result = ticketDecider.decide(command, state);
    if (!result.ok) throw new Error(`${command.type} refused: ${result.error.message}`);
    events.push(...result.value);
    state = result.value.reduce(ticketDecider.evolve, state);
  }
  return { state, events };
}

describe('whole stories', () => {
  it("DOMAIN.md's example 1: P2 malfunction, customer input, workaround, fix, closed", () => {
    const { state, events } = tell([
      receive(),
      takeCharge(),
      startWork(),
      requestCustomerInput(),
      recordCustomerReply(),
      provideWorkaround(),
      resolve(),
      close(),
    ]);
    expect(events.map((event) => event.type)).toEqual([
      'TicketReceived',
      'TicketTakenCharge',
      'TicketWorkStarted',
      'CustomerInputRequested',
      'CustomerReplied',
      'WorkaroundProvided',
      'TicketResolved',
      'TicketClosed',
    ]);
    expect(state).toMatchObject({
      status: 'closed',
      milestones: {
        takeCharge: at('2026-05-11T10:15'),
        workaround: at('2026-05-15T11:30'),
        resolution: at('2026-05-26T15:00'),
      },
    });
  });

  it("DOMAIN.md's example 4: a P3 requalified P1 before anyone took charge", () => {
    const { state } = tell([
      receive({ priority: 'P3', at: at('2026-09-14T09:00') }),
      requalify({ priority: 'P1', at: at('2026-09-14T11:00') }),
    ]);
    expect(state).toMatchObject({ status: 'received', priority: 'P1', receivedAt: at('2026-09-14T09:00') });
  });

  it('an incomplete request completed, worked, resolved, reopened and resolved again', () => {
    const { state } = tell([
      receive({ version: undefined, reproductionSteps: undefined }),
      provideInformation({ version: '12.4', reproductionSteps: 'Post invoice 42' }),
      takeCharge(),
      resolve({ how: 'answer', articleId: 'KB-7' }),
      reopen(),
      requestCustomerInput({ at: at('2026-05-28T10:00') }),
      recordCustomerReply({ at: at('2026-05-29T10:00') }),
      resolve({ how: 'patch', patchId: 'ERP-12.4.1', at: at('2026-06-02T10:00') }),
    ]);
    expect(state).toMatchObject({
      status: 'resolved',
      version: '12.4',
      reopenCount: 1,
      milestones: { resolution: at('2026-06-02T10:00') },
    });
  });
});
