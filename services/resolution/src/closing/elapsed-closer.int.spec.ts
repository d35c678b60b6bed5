import { ticketEvent } from '@hotline/domain';
import { openMemoryStore } from '@hotline/eventstore';
import { domainUpcaster } from '@hotline/platform';
import { createLogger } from '@hotline/runtime';
import { describe, expect, it } from 'vitest';
import { contact, DAY, given, received, T0 } from '../../test/resolution-harness.ts';
import { elapsedCloser } from './elapsed-closer.ts';
import { ResolvedTickets } from './resolved-tickets.ts';

describe('the closer, when its read model lags the store', () => {
  it('leaves a ticket it cannot close for a while instead of trying again at once', async () => {
    const store = await openMemoryStore({ upcast: domainUpcaster });
    const reception = received('T-1', { coverage: { status: 'no_contract', contractId: null } });
    const resolvedAt = new Date(T0).toISOString();
    await given(store, reception);
    await given(store, { type: 'TakeCharge', ticketId: 'T-1', by: 'agent-ada', at: resolvedAt });
    await given(store, { type: 'ResolveTicket', ticketId: 'T-1', how: 'fix', by: 'agent-ada', at: resolvedAt });
    await given(store, {
      type: 'CloseTicket',
      ticketId: 'T-1',
      reason: 'confirmed_by_client',
      by: contact,
      at: resolvedAt,
    });
    // The read model has seen the resolution, not yet the closing.
    const tickets = new ResolvedTickets();
    const { type: _type, ...details } = reception;
    tickets.apply(ticketEvent('TicketReceived', { ...details, attachments: [] }));
    tickets.apply(ticketEvent('TicketResolved', { ticketId: 'T-1', how: 'fix', by: 'agent-ada', at: resolvedAt }));
    const logger = createLogger({ service: 'resolution', level: 'silent' });
    const closer = elapsedCloser({ store, tickets, logger, actor: 'resolution', retryDelayMs: 60_000 });

    const late = T0 + 11 * DAY;
    expect(await closer.closeElapsed(late)).toEqual({
      closed: [],
      failed: [{ ticketId: 'T-1', code: 'ticket.closed' }],
      nextDueAt: late + 60_000,
    });
    expect(await closer.closeElapsed(late + 1)).toEqual({ closed: [], failed: [], nextDueAt: late + 60_000 });
    expect((await store.readStream('ticket-T-1')).filter((event) => event.type === 'TicketClosed')).toHaveLength(1);
  });
});
