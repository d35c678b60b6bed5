import { describe, expect, it } from 'vitest';
import {
  agent,
  assign,
  assigned,
  at,
  customerInputRequested,
  customerReplied,
  given,
  manager,
  otherAgent,
  provideWorkaround,
  recordCustomerReply,
  requestCustomerInput,
  resolve,
  resolved,
  startWork,
  takeCharge,
  takenCharge,
  times,
  until,
  workaroundProvided,
  workStarted,
} from '../../test/ticket-builders.ts';

describe('taking charge of a ticket', () => {
  it('acknowledges, qualifies and assigns the ticket to the agent taking charge', () => {
    const state = given(until('received')).when(takeCharge()).then([takenCharge()]);
    expect(state).toMatchObject({
      status: 'taken_charge',
      assignee: agent,
      milestones: { takeCharge: times.takenCharge },
    });
  });

  it('a manager may take charge and assign another agent', () => {
    given(until('received'))
      .when(takeCharge({ by: manager, assignee: otherAgent }))
      .then([takenCharge({ by: manager, assignee: otherAgent })]);
  });

  it('an incomplete request is not receivable yet', () => {
    const error = given(until('awaiting_information')).when(takeCharge()).thenRefused('ticket.not_receivable');
    expect(error.message).toBe('Cannot take charge of ticket T-1: it is awaiting_information');
    expect(error.details).toMatchObject({ missing: ['version'] });
  });

  it('taking charge twice is refused', () => {
    given(until('taken_charge')).when(takeCharge()).thenRefused('ticket.already_taken_charge');
  });

  it('a closed ticket is not taken charge of', () => {
    given(until('closed')).when(takeCharge()).thenRefused('ticket.closed');
  });

  it('a take-charge dated before the reception is refused', () => {
    given(until('received'))
      .when(takeCharge({ at: at('2026-05-07T15:00') }))
      .thenRefused('ticket.out_of_order');
  });

  it('a take-charge of another ticket on this stream is refused', () => {
    given(until('received'))
      .when(takeCharge({ ticketId: 'T-2' }))
      .thenRefused('ticket.wrong_ticket');
  });
});

describe('assigning a ticket', () => {
  it.each(['taken_charge', 'in_progress', 'awaiting_customer', 'workaround_provided'] as const)(
    'a manager reassigns it while %s',
    (status) => {
      const when = at('2026-05-25T09:00');
      given(until(status))
        .when(assign({ at: when }))
        .then([assigned({ at: when })]);
    },
  );

  it('assigning the current assignee again is refused', () => {
    given(until('taken_charge'))
      .when(assign({ agentId: agent }))
      .thenRefused('ticket.already_assigned');
  });

  it.each(['received', 'awaiting_information'] as const)(
    'triage dispatches it while %s, with its reason, without reaching the take-charge milestone',
    (status) => {
      const when = at('2026-05-08T09:00');
      const state = given(until(status))
        .when(assign({ at: when, reason: 'skills ERP; least load (2 open)', by: 'triage' }))
        .then([assigned({ at: when, reason: 'skills ERP; least load (2 open)', by: 'triage' })]);
      expect(state.status !== 'none' && state.milestones.takeCharge).toBeUndefined();
    },
  );

  it('a resolved ticket is not reassigned', () => {
    given(until('resolved')).when(assign()).thenRefused('ticket.invalid_transition');
  });
});

describe('starting work', () => {
  it('a ticket taken charge of goes in progress', () => {
    given(until('taken_charge')).when(startWork()).then([workStarted()]);
  });

  it('is refused once in progress', () => {
    given(until('in_progress')).when(startWork()).thenRefused('ticket.invalid_transition');
  });
});

describe('waiting for the customer', () => {
  it('an agent asks the customer a question', () => {
    given(until('in_progress')).when(requestCustomerInput()).then([customerInputRequested()]);
  });

  it('asking right after taking charge starts the work first', () => {
    given(until('taken_charge'))
      .when(requestCustomerInput())
      .then([workStarted({ at: times.customerInputRequested }), customerInputRequested()]);
  });

  it('the reply resumes the work', () => {
    const state = given(until('awaiting_customer')).when(recordCustomerReply()).then([customerReplied()]);
    expect(state.status).toBe('in_progress');
  });

  it('the reply goes back to the workaround when one was provided', () => {
    const history = [...until('workaround_provided'), customerInputRequested({ at: at('2026-05-16T10:00') })];
    const when = at('2026-05-18T10:00');
    const state = given(history)
      .when(recordCustomerReply({ at: when }))
      .then([customerReplied({ at: when })]);
    expect(state.status).toBe('workaround_provided');
  });

  it('after a workaround, the customer may still be asked', () => {
    const when = at('2026-05-16T10:00');
    const state = given(until('workaround_provided'))
      .when(requestCustomerInput({ at: when }))
      .then([customerInputRequested({ at: when })]);
    expect(state).toMatchObject({ status: 'awaiting_customer', resumeStatus: 'workaround_provided' });
  });

  it('asking while already waiting is refused', () => {
    given(until('awaiting_customer')).when(requestCustomerInput()).thenRefused('ticket.invalid_transition');
  });

  it('a reply nobody waits for is refused (it is a client message)', () => {
    given(until('in_progress')).when(recordCustomerReply()).thenRefused('ticket.not_awaiting_customer');
  });
});

describe('providing a workaround', () => {
  it('a ticket in progress gets a workaround', () => {
    const state = given(until('in_progress')).when(provideWorkaround()).then([workaroundProvided()]);
    expect(state).toMatchObject({
      status: 'workaround_provided',
      milestones: { workaround: times.workaroundProvided },
    });
  });

  it('a workaround right after taking charge starts the work first', () => {
    given(until('taken_charge'))
      .when(provideWorkaround({ articleId: 'KB-7' }))
      .then([workStarted({ at: times.workaroundProvided }), workaroundProvided({ articleId: 'KB-7' })]);
  });

  it('a second workaround in a row is refused', () => {
    given(until('workaround_provided')).when(provideWorkaround()).thenRefused('ticket.invalid_transition');
  });

  it('no workaround while waiting for the customer', () => {
    given(until('awaiting_customer')).when(provideWorkaround()).thenRefused('ticket.invalid_transition');
  });
});

describe('resolving a ticket', () => {
  it('a fix resolves a ticket in progress', () => {
    const state = given(until('in_progress')).when(resolve()).then([resolved()]);
    expect(state).toMatchObject({ status: 'resolved', milestones: { resolution: times.resolved } });
  });

  it('a patch resolves a ticket after a workaround, naming the patch', () => {
    given(until('workaround_provided'))
      .when(resolve({ how: 'patch', patchId: 'ERP-12.4.1' }))
      .then([resolved({ how: 'patch', patchId: 'ERP-12.4.1' })]);
  });

  it('an answer right after taking charge starts the work first', () => {
    given(until('taken_charge'))
      .when(resolve({ how: 'answer', articleId: 'KB-7' }))
      .then([workStarted({ at: times.resolved }), resolved({ how: 'answer', articleId: 'KB-7' })]);
  });

  it('a resolution by patch without the patch is refused', () => {
    given(until('in_progress'))
      .when(resolve({ how: 'patch' }))
      .thenRefused('ticket.patch_required');
  });

  it('a ticket waiting for the customer is not resolved', () => {
    given(until('awaiting_customer')).when(resolve()).thenRefused('ticket.invalid_transition');
  });

  it('a ticket not taken charge of is not resolved', () => {
    given(until('received')).when(resolve()).thenRefused('ticket.invalid_transition');
  });

  it('resolving twice is refused', () => {
    given(until('resolved')).when(resolve()).thenRefused('ticket.invalid_transition');
  });

  it('a cancelled ticket is not resolved', () => {
    given(until('cancelled')).when(resolve()).thenRefused('ticket.cancelled');
  });
});
