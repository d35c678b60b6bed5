import { ticketSla } from '@hotline/domain';
import { ContractDirectory, type HotlineService, loadTicket, type ServiceContext } from '@hotline/platform';
import { ProblemDocumentSchema } from '@hotline/runtime';
import { z } from 'zod';
import { TicketSlaView, ticketSlaView } from './sla-view.ts';

/**
 * The SLA state of a ticket at the clock's now, from its events and the contract terms in force at
 * its reception (the domain's engine). Timers, warnings and breaches come with the SLA clock's own issue.
 */
export function createSlaClockService(context: ServiceContext): HotlineService {
  const contracts = new ContractDirectory();
  return {
    name: 'sla-clock',
    registerRoutes(app) {
      app.get(
        '/tickets/:ticketId/sla',
        {
          schema: {
            tags: ['sla'],
            summary: "A ticket's deadlines: counted, remaining, due, status per target",
            params: z.object({ ticketId: z.string().min(1) }),
            response: { 200: TicketSlaView, 404: ProblemDocumentSchema },
          },
        },
        async (request) => {
          const { ticketId } = request.params;
          const { events } = await loadTicket(context.store, ticketId, request.url);
          await contracts.caughtUp(context.store);
          const now = context.clock.now();
          return ticketSlaView(
            ticketId,
            ticketSla(events, (id) => contracts.contract(id), now),
            now,
          );
        },
      );
    },
    async start() {
      contracts.start(context.store);
    },
    async stop() {
      await contracts.stop();
    },
  };
}
