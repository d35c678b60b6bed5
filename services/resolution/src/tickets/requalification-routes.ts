import { type Nature, requalifiedCoverage } from '@hotline/domain';
import { CommandBodyBase, loadTicket, type ServiceContext } from '@hotline/platform';
import type { HttpServer } from '@hotline/runtime';
import { z } from 'zod';
import { HOTLINE_WORK, type TicketCommandInput, ticketCommandRoute } from './ticket-command-route.ts';

const ReasonBody = z.object({
  ...CommandBodyBase,
  reason: z.string().trim().min(1).describe('What is asked, and why it is not a support request'),
});

/**
 * A request that is not a malfunction nor a how-to leaves the support deadlines: a change request goes
 * to development (nature `evolution`), an on-site service is billable (nature `service`). Both are
 * requalifications, so the ticket's history says when and why it left the SLA.
 */
export function registerRequalificationRoutes(app: HttpServer, context: ServiceContext): void {
  const requalifyAs = (nature: Nature) => async (input: TicketCommandInput<z.infer<typeof ReasonBody>>) => {
    const { ticket } = await loadTicket(context.store, input.ticketId, input.instance);
    // Natures without deadline are never covered, whatever the client's contracts: none need reading.
    const coverage = requalifiedCoverage(ticket, nature, []);
    return {
      type: 'RequalifyTicket' as const,
      ticketId: input.ticketId,
      nature,
      reason: input.body.reason,
      coverage,
      by: input.body.by,
      at: input.at,
    };
  };

  ticketCommandRoute(app, context, {
    access: HOTLINE_WORK,
    path: 'change-requests',
    summary: 'Forward a change request to development',
    description: 'Requalifies the ticket as an evolution: no deadline, no penalty.',
    body: ReasonBody,
    command: requalifyAs('evolution'),
  });

  ticketCommandRoute(app, context, {
    access: HOTLINE_WORK,
    path: 'service-requests',
    summary: 'Ask for an on-site service',
    description: 'Requalifies the ticket as a billable service request: no deadline, no penalty.',
    body: ReasonBody,
    command: requalifyAs('service'),
  });
}
