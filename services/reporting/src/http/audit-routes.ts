import type { EventStore } from '@hotline/eventstore';
import { ProblemDocumentSchema, ProblemError } from '@hotline/runtime';
import { z } from 'zod';
import { asOfReport } from '../audit/as-of.ts';
import { ticketAuditHtml } from '../audit/audit-html.ts';
import { verifyChains } from '../audit/chain-verdict.ts';
import { auditTicket, TicketNotFound } from '../audit/ticket-audit.ts';
import { IndicatorFilterQuery, JsonView, LanguageQuery } from './query-schemas.ts';
import { AUDIT } from './report-access.ts';
import type { RouteContext } from './route-context.ts';
import { wire } from './wire.ts';

const AsOfQuery = z.object({
  asOf: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('Only what was recorded up to this instant, judged then; now by default'),
});

export function registerAuditRoutes({ app, clock }: RouteContext, store: EventStore): void {
  const audit = async (ticketId: string, asOf: string | undefined, url: string) => {
    try {
      return await auditTicket(store, ticketId, {
        now: clock.now(),
        asOf: asOf === undefined ? undefined : Date.parse(asOf),
      });
    } catch (error) {
      if (error instanceof TicketNotFound) {
        throw new ProblemError({ status: 404, code: 'ticket.not_found', detail: error.message, instance: url });
      }
      throw error;
    }
  };
  const params = z.object({ ticketId: z.string().min(1) });
  app.get(
    '/audit/tickets/:ticketId',
    {
      config: { access: AUDIT },
      schema: {
        tags: ['audit'],
        summary:
          "A ticket's replay for a penalty dispute: merged timeline, clock after each event, penalty step by step, verdict",
        params,
        querystring: AsOfQuery,
        response: { 200: JsonView, 404: ProblemDocumentSchema },
      },
    },
    async (request) =>
      wire(await audit(request.params.ticketId, request.query.asOf, request.url)) as Record<string, unknown>,
  );
  app.get(
    '/audit/tickets/:ticketId/document',
    {
      config: { access: AUDIT },
      schema: {
        tags: ['audit'],
        summary: "A ticket's replay as a printable HTML document",
        params,
        querystring: AsOfQuery.extend(LanguageQuery.shape),
        produces: ['text/html'],
      },
    },
    async (request, reply) => {
      const replay = await audit(request.params.ticketId, request.query.asOf, request.url);
      return reply.type('text/html; charset=utf-8').send(ticketAuditHtml(replay, request.query.lang));
    },
  );
  app.get(
    '/audit/as-of',
    {
      config: { access: AUDIT },
      schema: {
        tags: ['audit'],
        summary: 'Indicators, overruns and penalties as they stood at a past instant (events recorded up to then)',
        querystring: z.object({
          at: z.iso.datetime({ offset: true }),
          clientId: z.string().min(1).optional(),
          year: z.coerce.number().int().min(2000).max(2100).optional(),
          product: IndicatorFilterQuery.shape.product.describe("The indicators of one product's tickets only"),
          nature: IndicatorFilterQuery.shape.nature.describe('The indicators of one nature only'),
          environment: IndicatorFilterQuery.shape.environment.describe('The indicators of one environment only'),
        }),
        response: { 200: JsonView },
      },
    },
    async (request) => {
      const { at, clientId, year, product, nature, environment } = request.query;
      return wire(
        await asOfReport(store, Date.parse(at), { clientId, year, indicatorFilters: { product, nature, environment } }),
      ) as Record<string, unknown>;
    },
  );
  app.get(
    '/audit/verify',
    {
      config: { access: AUDIT },
      schema: {
        tags: ['audit'],
        summary: "Recomputes every stream's hash chain; names the first broken position",
        response: { 200: JsonView },
      },
    },
    async () => wire(await verifyChains(store)) as Record<string, unknown>,
  );
}
