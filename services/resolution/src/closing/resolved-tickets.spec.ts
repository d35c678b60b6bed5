import { type CoverageVerdict, ticketEvent } from '@hotline/domain';
import { describe, expect, it } from 'vitest';
import { ResolvedTickets } from './resolved-tickets.ts';

const covered: CoverageVerdict = { status: 'covered', contractId: 'ACME-M' };
const receivedAt = '2026-05-07T16:00:00+02:00';
const received = (ticketId: string) =>
  ticketEvent('TicketReceived', {
    ticketId,
    nature: 'malfunction',
    priority: 'P2',
    attachments: [],
    reportedBy: 'contact-cleo',
    coverage: covered,
    at: receivedAt,
  });
const resolved = (ticketId: string, at: string) =>
  ticketEvent('TicketResolved', { ticketId, how: 'fix', by: 'agent-ada', at });
const by = { by: 'agent-ada', at: '2026-05-12T10:00:00+02:00' };

describe('the resolved tickets', () => {
  it('lists a resolved ticket with what its window needs: reception, coverage, last resolution', () => {
    const tickets = new ResolvedTickets();
    tickets.apply(received('T-1'));
    expect(tickets.resolved()).toEqual([]);
    tickets.apply(resolved('T-1', '2026-05-11T10:00:00+02:00'));
    expect(tickets.resolved()).toEqual([
      { ticketId: 'T-1', receivedAt, coverage: covered, resolvedAt: '2026-05-11T10:00:00+02:00' },
    ]);
  });

  it('drops a reopened ticket until it is resolved again, from its new resolution', () => {
    const tickets = new ResolvedTickets();
    tickets.apply(received('T-1'));
    tickets.apply(resolved('T-1', '2026-05-11T10:00:00+02:00'));
    tickets.apply(ticketEvent('TicketReopened', { ticketId: 'T-1', reason: 'Still fails', ...by }));
    expect(tickets.resolved()).toEqual([]);
    tickets.apply(resolved('T-1', '2026-05-13T10:00:00+02:00'));
    expect(tickets.resolved()).toMatchObject([{ resolvedAt: '2026-05-13T10:00:00+02:00' }]);
  });

  it('keeps the coverage of the last requalification', () => {
    const tickets = new ResolvedTickets();
    tickets.apply(received('T-1'));
    const none: CoverageVerdict = { status: 'not_applicable', contractId: null, reason: 'nature.evolution' };
    tickets.apply(
      ticketEvent('TicketRequalified', { ticketId: 'T-1', nature: 'evolution', reason: 'x', coverage: none, ...by }),
    );
    tickets.apply(resolved('T-1', '2026-05-13T10:00:00+02:00'));
    expect(tickets.resolved()).toMatchObject([{ coverage: none }]);
  });

  it('forgets a ticket once it is closed, rejected or cancelled', () => {
    const tickets = new ResolvedTickets();
    for (const ticketId of ['T-1', 'T-2', 'T-3']) tickets.apply(received(ticketId));
    tickets.apply(resolved('T-1', '2026-05-11T10:00:00+02:00'));
    tickets.apply(ticketEvent('TicketClosed', { ticketId: 'T-1', reason: 'confirmed_by_client', ...by }));
    tickets.apply(ticketEvent('TicketRejected', { ticketId: 'T-2', reason: 'not_support_request', ...by }));
    tickets.apply(ticketEvent('TicketCancelled', { ticketId: 'T-3', ...by }));
    for (const ticketId of ['T-1', 'T-2', 'T-3']) tickets.apply(resolved(ticketId, '2026-05-13T10:00:00+02:00'));
    expect(tickets.resolved()).toEqual([]);
  });

  it('tells its listeners of every resolution', () => {
    const tickets = new ResolvedTickets();
    let told = 0;
    const stop = tickets.onResolved(() => {
      told += 1;
    });
    tickets.apply(received('T-1'));
    tickets.apply(resolved('T-1', '2026-05-11T10:00:00+02:00'));
    stop();
    tickets.apply(resolved('T-1', '2026-05-12T10:00:00+02:00'));
    expect(told).toBe(1);
  });
});
