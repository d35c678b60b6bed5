import { describe, expect, it } from 'vitest';
import {
  at,
  close,
  closed,
  given,
  manager,
  reopen,
  reopened,
  resolve,
  resolved,
  times,
  until,
} from '../../test/ticket-builders.ts';

// Resolved Tue 2026-05-26 15:00 (+02:00): a 10-day window ends Fri 2026-06-05 15:00.
const windowEnd = at('2026-06-05T15:00');
const justAfter = '2026-06-05T15:00:00.001+02:00';

describe('closing a ticket', () => {
  it('the client confirms the resolution', () => {
    given(until('resolved')).when(close()).then([closed()]);
  });

  it('the manager closes a resolved ticket', () => {
    given(until('resolved'))
      .when(close({ reason: 'by_manager', by: manager }))
      .then([closed({ reason: 'by_manager', by: manager })]);
  });

  it('closes once the reopen window has elapsed', () => {
    given(until('resolved'))
      .when(close({ reason: 'reopen_window_elapsed', at: justAfter }))
      .then([closed({ reason: 'reopen_window_elapsed', at: justAfter })]);
  });

  it('does not close for an elapsed window at its very end, when a reopening is still allowed', () => {
    const error = given(until('resolved'))
      .when(close({ reason: 'reopen_window_elapsed', at: windowEnd }))
      .thenRefused('ticket.reopen_window_open');
    expect(error.details).toMatchObject({ windowEnd: '2026-06-05T13:00:00.000Z' });
  });

  it("the contract's own window counts", () => {
    given(until('resolved'))
      .when(close({ reason: 'reopen_window_elapsed', reopenWindowDays: 30, at: justAfter }))
      .thenRefused('ticket.reopen_window_open');
  });

  it('an unresolved ticket does not close', () => {
    given(until('in_progress')).when(close()).thenRefused('ticket.not_resolved');
  });

  it('closing twice is refused', () => {
    given(until('closed')).when(close()).thenRefused('ticket.closed');
  });
});

describe('reopening a ticket', () => {
  it('the client reopens a resolved ticket within the window: back to work', () => {
    const state = given(until('resolved')).when(reopen()).then([reopened()]);
    expect(state).toMatchObject({ status: 'in_progress', reopenCount: 1, milestones: { resolution: undefined } });
  });

  it('the end of the window itself still allows a reopening', () => {
    given(until('resolved'))
      .when(reopen({ at: windowEnd }))
      .then([reopened({ at: windowEnd })]);
  });

  it('a millisecond later is too late', () => {
    const error = given(until('resolved'))
      .when(reopen({ at: justAfter }))
      .thenRefused('ticket.reopen_window_elapsed');
    expect(error.message).toBe('Cannot reopen ticket T-1: its reopen window ended at 2026-06-05T13:00:00.000Z');
  });

  it("the contract's own window counts", () => {
    const late = at('2026-06-20T09:00');
    given(until('resolved'))
      .when(reopen({ at: late, reopenWindowDays: 30 }))
      .then([reopened({ at: late })]);
  });

  it('the window runs from the last resolution', () => {
    const second = at('2026-06-02T10:00');
    const history = [...until('resolved'), reopened(), resolved({ at: second })];
    const late = at('2026-06-10T09:00');
    given(history)
      .when(reopen({ at: late }))
      .then([reopened({ at: late })]);
  });

  it('a reopened ticket is resolved again', () => {
    const again = at('2026-06-01T17:00');
    const state = given([...until('resolved'), reopened()])
      .when(resolve({ at: again }))
      .then([resolved({ at: again })]);
    expect(state).toMatchObject({ status: 'resolved', reopenCount: 1, milestones: { resolution: again } });
  });

  it('a closed ticket is not reopened', () => {
    given(until('closed')).when(reopen()).thenRefused('ticket.closed');
  });

  it('a ticket still in progress is not reopened', () => {
    given(until('in_progress')).when(reopen()).thenRefused('ticket.not_resolved');
  });

  it('the resolution instant is the start of the window', () => {
    given(until('resolved'))
      .when(reopen({ at: times.resolved }))
      .then([reopened({ at: times.resolved })]);
  });
});
