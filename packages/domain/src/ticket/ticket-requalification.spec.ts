import { describe, expect, it } from 'vitest';
import { at, given, received, requalified, requalify, times, until } from '../../test/ticket-builders.ts';

describe('requalifying a ticket', () => {
  it('records only what changes, with the coverage re-judged', () => {
    const when = at('2026-05-11T11:00');
    given(until('in_progress'))
      .when(requalify({ priority: 'P1', nature: 'malfunction', at: when }))
      .then([requalified({ priority: 'P1', at: when })]);
  });

  it('a change request has no deadline: its coverage is not applicable', () => {
    const notApplicable = { status: 'not_applicable', contractId: null } as const;
    const state = given([received()])
      .when(requalify({ nature: 'evolution', coverage: notApplicable }))
      .then([requalified({ nature: 'evolution', coverage: notApplicable })]);
    expect(state).toMatchObject({ nature: 'evolution', coverage: notApplicable, status: 'received' });
  });

  it.each(['received', 'awaiting_information', 'taken_charge', 'awaiting_customer', 'workaround_provided'] as const)(
    'is allowed while %s',
    (status) => {
      const when = at('2026-05-20T09:00');
      given(until(status))
        .when(requalify({ environment: 'test', at: when }))
        .then([requalified({ environment: 'test', at: when })]);
    },
  );

  it.each([
    ['resolved', 'ticket.not_open'],
    ['closed', 'ticket.closed'],
    ['rejected', 'ticket.rejected'],
    ['cancelled', 'ticket.cancelled'],
  ] as const)('is refused once %s', (status, code) => {
    given(until(status))
      .when(requalify({ priority: 'P1' }))
      .thenRefused(code);
  });

  it('a requalification that changes nothing is refused', () => {
    given([received()])
      .when(requalify({ priority: 'P2', environment: 'production' }))
      .thenRefused('ticket.nothing_to_requalify');
  });

  it('a requalification dated before the last change is refused', () => {
    given(until('in_progress'))
      .when(requalify({ priority: 'P1', at: times.received }))
      .thenRefused('ticket.out_of_order');
  });
});
