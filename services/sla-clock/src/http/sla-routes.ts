import { ticketSla } from '@hotline/domain';
import type { EventStore } from '@hotline/eventstore';
import { type Clock, loadTicket } from '@hotline/platform';
import { type HttpServer, ProblemDocumentSchema } from '@hotline/runtime';
import { z } from 'zod';
import type { TicketClocks } from '../clocks/ticket-clocks.ts';
import { AtRiskList, BreachedList, breachedTickets, ticketsAtRisk } from './risk-lists.ts';
import { TicketSlaView, ticketSlaView } from './sla-view.ts';

export interface SlaRoutesContext {
  readonly store: EventStore;
  readonly clock: Clock;
  readonly clocks: TicketClocks;
  /** Resolves once the read model holds every event stored so far: a client reads its own writes. */
  caughtUp(): Promise<void>;
}

const limit = z.coerce.number().int().min(1).max(1000).default(100).describe('Most tickets listed');

export function registerSlaRoutes(app: HttpServer, context: SlaRoutesContext): void {
  const { store, clock, clocks } = context;

  app.get(
    '/tickets/:ticketId/sla',
    {
      config: { access: { roles: ['client', 'agent', 'manager', 'auditor'], client: { ticketId: 'params.ticketId' } } },
      schema: {
        tags: ['sla'],
        summary: "A ticket's deadlines: counted, remaining, due, status per target",
        params: z.object({ ticketId: z.string().min(1) }),
        response: { 200: TicketSlaView, 404: ProblemDocumentSchema },
      },
    },
    async (request) => {
      const { ticketId } = request.params;
      const { events } = await loadTicket(store, ticketId, request.url);
      await context.caughtUp();
      const now = clock.now();
      return ticketSlaView(
        ticketId,
        ticketSla(events, (id) => clocks.contract(id), now),
        now,
      );
    },
  );

  app.get(
    '/sla/at-risk',
    {
      config: { access: { roles: ['agent', 'manager', 'auditor'] } },
      schema: {
        tags: ['sla'],
        summary: 'Open tickets whose clock runs towards a deadline, the next deadline first',
        description:
          'Each ticket once, with its next running target and the share of its duration consumed, and every target of the ticket (`targets`, as `GET /tickets/{ticketId}/sla` gives them). Paused targets (awaiting the client) have no deadline and are not listed.',
        querystring: z.object({
          limit,
          minPercent: z.coerce.number().min(0).max(100).default(0).describe('Only targets at least this consumed'),
        }),
        response: { 200: AtRiskList },
      },
    },
    async (request) => {
      await context.caughtUp();
      const now = clock.now();
      return { asOf: new Date(now).toISOString(), tickets: ticketsAtRisk(clocks, now, request.query) };
    },
  );

  app.get(
    '/sla/breached',
    {
      config: { access: { roles: ['agent', 'manager', 'auditor'] } },
      schema: {
        tags: ['sla'],
        summary: 'Open tickets with a target past its deadline, the longest overdue first',
        description:
          'Each ticket once, with its first target past due, the targets past due (`breachedTargets`), and every target of the ticket (`targets`, as `GET /tickets/{ticketId}/sla` gives them).',
        querystring: z.object({ limit }),
        response: { 200: BreachedList },
      },
    },
    async (request) => {
      await context.caughtUp();
      const now = clock.now();
      return { asOf: new Date(now).toISOString(), tickets: breachedTickets(clocks, now, request.query) };
    },
  );
}
