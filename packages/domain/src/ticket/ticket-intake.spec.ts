import { describe, expect, it } from 'vitest';
import {
  agent,
  cancel,
  cancelled,
  contact,
  covered,
  given,
  informationProvided,
  informationRequested,
  noContract,
  p3Functional,
  provideInformation,
  receive,
  received,
  reject,
  rejected,
  requestInformation,
  T,
  times,
  until,
} from '../../test/ticket-builders.ts';

describe('receiving a ticket', () => {
  it('a complete request is received', () => {
    given([]).when(receive()).then([received()]);
  });

  it('an incomplete request is received, then the client is asked for what lacks', () => {
    const incomplete = { version: undefined, reproductionSteps: undefined };
    const state = given([])
      .when(receive(incomplete))
      .then([received(incomplete), informationRequested(['version', 'reproductionSteps'])]);
    expect(state).toMatchObject({ status: 'awaiting_information', missing: ['version', 'reproductionSteps'] });
  });

  it('attachments and the upstream id are kept', () => {
    const upstream = {
      source: 'crm',
      externalId: 'CRM-881',
      attachments: [{ name: 'log.txt', uri: 'https://files.example/log.txt', mediaType: 'text/plain' }],
    };
    given([])
      .when(receive(upstream))
      .then([received(upstream)]);
  });

  it('a functional request needs neither version nor reproduction steps', () => {
    const functional = { ...p3Functional, version: undefined, reproductionSteps: undefined };
    given([])
      .when(receive(functional))
      .then([received(functional)]);
  });

  it('an uncovered request is still received, as a billable intervention', () => {
    given([])
      .when(receive({ coverage: noContract }))
      .then([received({ coverage: noContract })]);
  });

  it('receiving the same ticket twice is refused, so a redelivered message writes nothing', () => {
    given([received()]).when(receive()).thenRefused('ticket.already_received');
  });
});

describe('providing missing information', () => {
  const awaiting = until('awaiting_information');

  it('the ticket goes back to received once nothing lacks', () => {
    const state = given(awaiting)
      .when(provideInformation({ version: '12.4' }))
      .then([informationProvided({ version: '12.4' })]);
    expect(state).toMatchObject({ status: 'received', version: '12.4', missing: [] });
  });

  it('the client is asked again for what still lacks', () => {
    const history = [received({ version: undefined, reproductionSteps: undefined }), informationRequested(['version'])];
    given(history)
      .when(provideInformation({ version: '12.4' }))
      .then([
        informationProvided({ version: '12.4' }),
        informationRequested(['reproductionSteps'], { at: times.informationProvided }),
      ]);
  });

  it('a new client comes with its coverage, judged by the terms in force at reception', () => {
    const history = [received({ clientId: undefined, coverage: noContract }), informationRequested(['clientId'])];
    given(history)
      .when(provideInformation({ clientId: 'ACME', coverage: covered }))
      .then([informationProvided({ clientId: 'ACME', coverage: covered })]);
  });

  it('a new client without its coverage is refused', () => {
    const history = [received({ clientId: undefined, coverage: noContract }), informationRequested(['clientId'])];
    given(history)
      .when(provideInformation({ clientId: 'ACME' }))
      .thenRefused('ticket.coverage_required');
  });

  it('a command that provides nothing is refused', () => {
    given(awaiting).when(provideInformation()).thenRefused('ticket.nothing_provided');
  });

  it('is refused when no information was asked for', () => {
    given(until('taken_charge'))
      .when(provideInformation({ version: '12.5' }))
      .thenRefused('ticket.not_awaiting_information');
  });

  it('is refused on a ticket that does not exist', () => {
    const error = given([])
      .when(provideInformation({ version: '12.4' }))
      .thenRefused('ticket.not_found');
    expect(error.message).toBe('Cannot provide information for ticket T-1: it does not exist');
  });
});

describe('requesting information', () => {
  it('an agent asks for more before taking charge', () => {
    given([received()])
      .when(requestInformation({ missing: ['logs'] }))
      .then([informationRequested(['logs'], { by: agent, at: times.informationProvided })]);
  });

  it('is refused once taken charge of (the customer is asked instead)', () => {
    given(until('taken_charge')).when(requestInformation()).thenRefused('ticket.invalid_transition');
  });
});

describe('rejecting a ticket', () => {
  it('a request that is not a support request is rejected', () => {
    given([received()]).when(reject()).then([rejected()]);
  });

  it('a duplicate is rejected naming the ticket it duplicates', () => {
    given(until('in_progress'))
      .when(reject({ reason: 'duplicate', duplicateOf: 'T-0', at: times.resolved }))
      .then([rejected({ reason: 'duplicate', duplicateOf: 'T-0', at: times.resolved })]);
  });

  it('a duplicate without the ticket it duplicates is refused', () => {
    given([received()])
      .when(reject({ reason: 'duplicate' }))
      .thenRefused('ticket.duplicate_of_required');
  });

  it('a ticket cannot duplicate itself', () => {
    given([received()])
      .when(reject({ reason: 'duplicate', duplicateOf: T }))
      .thenRefused('ticket.duplicate_of_itself');
  });

  it('a resolved ticket is not rejected', () => {
    given(until('resolved')).when(reject()).thenRefused('ticket.not_open');
  });
});

describe('cancelling a ticket', () => {
  it('the client cancels an open ticket', () => {
    given(until('awaiting_information')).when(cancel()).then([cancelled()]);
  });

  it('a rejected ticket cannot be cancelled', () => {
    const error = given(until('rejected')).when(cancel()).thenRefused('ticket.rejected');
    expect(error.message).toBe('Cannot cancel ticket T-1: it is rejected');
  });

  it('a resolved ticket is closed or reopened, not cancelled', () => {
    given(until('resolved'))
      .when(cancel({ by: contact }))
      .thenRefused('ticket.not_open');
  });
});
