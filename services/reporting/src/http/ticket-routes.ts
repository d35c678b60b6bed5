import { ProblemDocumentSchema, ProblemError } from '@hotline/runtime';
import { z } from 'zod';
import { sendCsv } from '../csv/csv-reply.ts';
import { ticketColumns } from '../csv/report-columns.ts';
import { ticketDetail } from '../queries/ticket-detail.ts';
import { listTickets, type TicketFilters } from '../queries/ticket-queries.ts';
import { instantOrUndefined, JsonView, LanguageQuery, PageQuery, TicketQuery } from './query-schemas.ts';
import { CLIENT_STATISTICS, CLIENT_TICKET } from './report-access.ts';
import type { RouteContext } from './route-context.ts';
import { wire } from './wire.ts';

function filtersOf(query: z.infer<typeof TicketQuery>): TicketFilters {
  return {
    ...query,
    receivedFrom: instantOrUndefined(query.receivedFrom),
    receivedTo: instantOrUndefined(query.receivedTo),
    resolvedFrom: instantOrUndefined(query.resolvedFrom),
    resolvedTo: instantOrUndefined(query.resolvedTo),
  };
}

export function registerTicketRoutes({ app, projections, clock }: RouteContext): void {
  app.get(
    '/reports/tickets',
    {
      config: { access: CLIENT_STATISTICS },
      schema: {
        tags: ['reporting'],
        summary: 'Tickets with their SLA standing per target and next due instant, filtered, latest first',
        querystring: TicketQuery.extend(PageQuery.shape),
        response: { 200: JsonView },
      },
    },
    async (request) => {
      const view = await projections.current();
      const now = clock.now();
      const { limit, offset, ...query } = request.query;
      return wire({ asOf: now, ...listTickets(view, filtersOf(query), now, { limit, offset }) }) as Record<
        string,
        unknown
      >;
    },
  );
  app.get(
    '/reports/tickets.csv',
    {
      config: { access: CLIENT_STATISTICS },
      schema: {
        tags: ['reporting'],
        summary: 'Every ticket matching the filters, as CSV',
        querystring: TicketQuery.extend(LanguageQuery.shape),
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const view = await projections.current();
      const now = clock.now();
      const { lang, ...query } = request.query;
      const page = listTickets(view, filtersOf(query), now, { offset: 0, limit: Number.POSITIVE_INFINITY });
      return sendCsv(reply, 'tickets', ticketColumns, page.items, lang);
    },
  );
  app.get(
    '/reports/tickets/:ticketId',
    {
      config: { access: CLIENT_TICKET },
      schema: {
        tags: ['reporting'],
        summary: 'One ticket: its clock per target read now, alerts, claims, penalty derivation',
        params: z.object({ ticketId: z.string().min(1) }),
        response: { 200: JsonView, 404: ProblemDocumentSchema },
      },
    },
    async (request) => {
      const view = await projections.current();
      const now = clock.now();
      const detail = ticketDetail(view, request.params.ticketId, now);
      if (detail === undefined) {
        throw new ProblemError({
          status: 404,
          code: 'ticket.not_found',
          detail: `No ticket ${request.params.ticketId} in the reporting read model`,
          instance: request.url,
        });
      }
      return wire({ asOf: now, ...detail }) as Record<string, unknown>;
    },
  );
}
