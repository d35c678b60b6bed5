import { acmeMaintenanceTerms, type TicketEvent, ticketEventRegistry, ticketSla, toEpochMs } from '@hotline/domain';
import { openMemoryStore, toDomainEvent } from '@hotline/eventstore';
import { describe, expect, it } from 'vitest';
import { auditTicket } from '../src/audit/ticket-audit.ts';
import { HotlineScenario, paris } from './support/hotline-scenario.ts';

describe('the audit replay, evaluated with the timeline so far', () => {
  it('reads after each event the clock that the whole prefix judged from scratch reads', async () => {
    const store = await openMemoryStore();
    try {
      const scenario = new HotlineScenario(store);
      await scenario.sign('ACME-M', 'ACME', acmeMaintenanceTerms);
      const agent = 'agent-ada';
      await scenario.ticket('T-1', [
        scenario.receive('ACME', paris('2026-05-04T09:00'), { priority: 'P3' }),
        {
          type: 'RequalifyTicket',
          priority: 'P2',
          reason: 'Severe',
          coverage: scenario.coverage('ACME', 'ERP', 'malfunction', paris('2026-05-04T09:00')),
          by: 'manager',
          at: paris('2026-05-04T10:00'),
        },
        { type: 'TakeCharge', by: agent, at: paris('2026-05-04T11:00') },
        { type: 'RequestCustomerInput', question: 'Which invoice?', by: agent, at: paris('2026-05-05T10:00') },
        { type: 'RecordCustomerReply', message: 'INV-1', by: 'contact-ACME', at: paris('2026-05-06T15:00') },
        { type: 'ProvideWorkaround', description: 'Post by hand', by: agent, at: paris('2026-05-12T10:00') },
        { type: 'ResolveTicket', how: 'fix', by: agent, at: paris('2026-05-13T18:00') },
        { type: 'ReopenTicket', reason: 'Still failing', by: 'contact-ACME', at: paris('2026-05-15T09:00') },
        { type: 'ResolveTicket', how: 'fix', by: agent, at: paris('2026-05-20T12:00') },
      ]);
      const audit = await auditTicket(store, 'T-1', { now: Date.parse(paris('2026-06-01T12:00')) });
      const contract = scenario.contracts.get('ACME-M')!;
      const events: TicketEvent[] = [];
      const recorded = await store.readStream('ticket-T-1');
      const ticketSteps = audit.timeline.filter((step) => step.stream === 'ticket-T-1');
      expect(ticketSteps).toHaveLength(recorded.length);
      for (const [index, step] of ticketSteps.entries()) {
        const parsed = ticketEventRegistry.parseEvent(recorded[index]!.type, 1, toDomainEvent(recorded[index]!));
        if (!parsed.ok) throw new Error(parsed.error.message);
        events.push(parsed.value as TicketEvent);
        const sla = ticketSla(events, () => contract, toEpochMs(events.at(-1)!.at));
        expect(step.targets).toEqual(
          sla.evaluation.targets.map(({ target, priority, status, dueAt, reachedAt }) => ({
            target,
            priority,
            status,
            dueAt,
            reachedAt,
          })),
        );
      }
    } finally {
      await store.close();
    }
  });
});
