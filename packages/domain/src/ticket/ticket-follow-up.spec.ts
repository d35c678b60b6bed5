import { describe, expect, it } from 'vitest';
import {
  articleLinked,
  at,
  claimPenalty,
  clientMessageReceived,
  complaintFiled,
  fileComplaint,
  given,
  linkArticle,
  noContract,
  penaltyClaimed,
  penaltySettled,
  penaltyWaived,
  received,
  recordClientMessage,
  recordTime,
  settlePenalty,
  timeRecorded,
  until,
  waivePenalty,
} from '../../test/ticket-builders.ts';
import { clientMessageCommand } from './client-message.ts';
import { evolveTicket } from './evolve.ts';
import type { TicketStatus } from './ticket-classification.ts';
import { initialTicketState } from './ticket-state.ts';

describe('client messages', () => {
  it('a reminder is recorded without changing the lifecycle', () => {
    const state = given(until('in_progress')).when(recordClientMessage()).then([clientMessageReceived()]);
    expect(state.status).toBe('in_progress');
  });

  it('a message on a closed ticket is still recorded', () => {
    given(until('closed'))
      .when(recordClientMessage({ kind: 'reply' }))
      .then([clientMessageReceived({ kind: 'reply' })]);
  });

  it('a message about a ticket never received is refused', () => {
    given([]).when(recordClientMessage()).thenRefused('ticket.not_found');
  });

  it('a message dated before the reception is refused', () => {
    given([received()])
      .when(recordClientMessage({ at: at('2026-05-01T09:00') }))
      .thenRefused('ticket.out_of_order');
  });
});

describe('complaints', () => {
  it('a complaint is filed at any time after reception, closed included', () => {
    given(until('closed')).when(fileComplaint()).then([complaintFiled()]);
  });

  it('the same complaint filed twice is refused', () => {
    given([...until('in_progress'), complaintFiled()])
      .when(fileComplaint())
      .thenRefused('ticket.complaint_already_filed');
  });
});

describe('penalty claims', () => {
  it('the client claims penalties on a covered ticket', () => {
    const state = given(until('closed'))
      .when(claimPenalty({ amountCents: 33_600 }))
      .then([penaltyClaimed({ amountCents: 33_600 })]);
    expect(state).toMatchObject({ penaltyClaims: { 'PC-1': 'open' } });
  });

  it('an uncovered ticket has no penalty to claim', () => {
    given([received({ coverage: noContract })])
      .when(claimPenalty())
      .thenRefused('ticket.not_covered');
  });

  it('the same claim twice is refused', () => {
    given([...until('resolved'), penaltyClaimed()])
      .when(claimPenalty())
      .thenRefused('ticket.penalty_claim_exists');
  });

  it('an open claim is settled', () => {
    const state = given([...until('closed'), penaltyClaimed()])
      .when(settlePenalty())
      .then([penaltySettled()]);
    expect(state).toMatchObject({ penaltyClaims: { 'PC-1': 'settled' } });
  });

  it('an open claim is waived', () => {
    given([...until('closed'), penaltyClaimed()])
      .when(waivePenalty())
      .then([penaltyWaived()]);
  });

  it('an unknown claim is neither settled nor waived', () => {
    given(until('closed')).when(settlePenalty()).thenRefused('ticket.penalty_claim_unknown');
    given(until('closed')).when(waivePenalty()).thenRefused('ticket.penalty_claim_unknown');
  });

  it('a settled claim is not waived, nor settled again', () => {
    const history = [...until('closed'), penaltyClaimed(), penaltySettled()];
    given(history).when(waivePenalty()).thenRefused('ticket.penalty_claim_not_open');
    given(history).when(settlePenalty()).thenRefused('ticket.penalty_claim_not_open');
  });
});

describe('time spent', () => {
  it('an agent records time, on a closed ticket too', () => {
    const state = given([...until('closed'), timeRecorded()])
      .when(recordTime())
      .then([timeRecorded()]);
    expect(state).toMatchObject({ minutesSpent: 90 });
  });

  it('time on a ticket never received is refused', () => {
    given([]).when(recordTime()).thenRefused('ticket.not_found');
  });
});

describe('knowledge articles', () => {
  it('an article is linked to the ticket', () => {
    given(until('resolved')).when(linkArticle()).then([articleLinked()]);
  });

  it('linking the same article twice is refused', () => {
    given([...until('resolved'), articleLinked()])
      .when(linkArticle())
      .thenRefused('ticket.article_already_linked');
  });
});

describe('a client message', () => {
  const message = {
    ticketId: 'T-1',
    kind: 'reply' as const,
    message: 'Invoice 42',
    by: 'contact-cleo',
    at: '2026-05-13T14:00:00+02:00',
  };

  it('is the awaited reply when the hotline asked a question', () => {
    expect(clientMessageCommand(stateAt('awaiting_customer'), message)).toEqual({
      type: 'RecordCustomerReply',
      ticketId: 'T-1',
      message: 'Invoice 42',
      by: 'contact-cleo',
      at: '2026-05-13T14:00:00+02:00',
    });
  });

  it('is a plain message otherwise, or when it is a reminder', () => {
    expect(clientMessageCommand(stateAt('in_progress'), message).type).toBe('RecordClientMessage');
    expect(clientMessageCommand(stateAt('awaiting_customer'), { ...message, kind: 'reminder' }).type).toBe(
      'RecordClientMessage',
    );
  });
});

function stateAt(status: TicketStatus) {
  return until(status).reduce(evolveTicket, initialTicketState);
}
