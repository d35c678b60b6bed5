import { type InboundKind, inboundPayloads } from '@hotline/messaging';
import {
  CommandBodyBase,
  IDEMPOTENCY_KEY_HEADER,
  loadTicket,
  occurredAt,
  TicketView,
  ticketView,
} from '@hotline/platform';
import { type HttpServer, ProblemDocumentSchema, ProblemError, type RouteAccess } from '@hotline/runtime';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { RequestOrigin } from '../requests/inbound-request.ts';
import { type IntakeDependencies, takeIn } from '../requests/take-in.ts';
import { ticketAnswer } from '../requests/ticket-answer.ts';
import { contractView, loadAgent, loadContract, loadProduct, productView } from './record-views.ts';

const SOURCE_HEADER = 'x-source-system';
const occurredAtField = { occurredAt: CommandBodyBase.occurredAt };
const problems = {
  400: ProblemDocumentSchema,
  404: ProblemDocumentSchema,
  409: ProblemDocumentSchema,
  422: ProblemDocumentSchema,
};
const TicketParams = z.object({ ticketId: z.string().min(1) });
const ContractParams = z.object({ contractId: z.string().min(1) });
const AgentParams = z.object({ agentId: z.string().min(1) });
const ProductParams = z.object({ product: z.string().min(1).describe('The product code (`ERP`)') });
const ContractView = z.looseObject({ contractId: z.string(), clientId: z.string(), status: z.string() });
const AgentView = z.looseObject({ agentId: z.string(), status: z.string() });
const ProductView = z.looseObject({
  product: z.string(),
  name: z.string(),
  versions: z.record(z.string(), z.string().nullable()),
  endOfSupport: z.string().nullable(),
  trainedAgents: z.array(z.string()),
});

/**
 * Who may use intake's doors (issue #10): what support.inbound.v1 carries, an upstream system may
 * also send over HTTP; a client acts on its own company's tickets only; the records that steer the
 * hotline (contracts, agents, products) are the manager's, read by agents and auditors.
 */
const access = {
  submit: { roles: ['client', 'agent', 'manager', 'system'], client: { clientId: 'body.clientId' } },
  readTicket: { roles: ['client', 'agent', 'manager', 'auditor'], client: { ticketId: 'params.ticketId' } },
  clientOnTicket: { roles: ['client', 'agent', 'manager', 'system'], client: { ticketId: 'params.ticketId' } },
  record: { roles: ['manager', 'system'] },
  readRecord: { roles: ['agent', 'manager', 'auditor'] },
} satisfies Record<string, RouteAccess>;

/**
 * The upstream system a request comes from. A system key speaks for its own system only: the
 * header, which the route's declaration cannot name (it reads params, query and body), is checked
 * here, and left out it is the key's system, so that (source, externalId) stays the key's own.
 */
function sourceOf(request: FastifyRequest): string {
  const header = request.headers[SOURCE_HEADER];
  const named = typeof header === 'string' && header.length > 0 ? header : undefined;
  const system = request.identity?.role === 'system' ? request.identity.system : undefined;
  if (system === undefined) return named ?? 'api';
  if (named !== undefined && named !== system) {
    throw new ProblemError({
      status: 403,
      code: 'access.out_of_scope',
      title: "Outside the caller's scope",
      detail: `This key speaks for ${system}; the request names ${named} (${SOURCE_HEADER}).`,
      scope: 'system',
    });
  }
  return system;
}

function originOf(request: FastifyRequest, deps: IntakeDependencies, given: string | undefined): RequestOrigin {
  const key = request.headers[IDEMPOTENCY_KEY_HEADER];
  return {
    source: sourceOf(request),
    occurredAt: occurredAt(given, deps.clock),
    requestId: typeof key === 'string' && key.length > 0 ? key : request.id,
    correlationId: (request as FastifyRequest & { correlationId?: string }).correlationId,
  };
}

/** Submissions, client interactions on a ticket, contracts, agents and products: the HTTP side of intake. */
export function registerIntakeRoutes(app: HttpServer, deps: IntakeDependencies): void {
  const submission = inboundPayloads['ticket.submitted'].partial({ externalId: true }).extend(occurredAtField);
  app.post(
    '/tickets',
    {
      config: { access: access.submit },
      schema: {
        tags: ['intake'],
        summary: 'Submit an intervention request',
        description:
          'Received at once; an incomplete request is acknowledged and awaits the missing information. The same (X-Source-System, externalId) or Idempotency-Key always gives the same ticket.',
        body: submission,
        response: { 200: TicketView, 201: TicketView, ...problems },
      },
    },
    async (request, reply) => {
      const { occurredAt: given, ...payload } = request.body;
      const origin = originOf(request, deps, given);
      const externalId = payload.externalId ?? origin.requestId;
      const taken = await takeIn(deps, { kind: 'ticket.submitted', payload: { ...payload, externalId }, origin });
      reply.header('location', `/tickets/${taken.subject.id}`);
      return reply.code(taken.written ? 201 : 200).send(await ticketAnswer(deps.store, taken));
    },
  );

  app.get(
    '/tickets/:ticketId',
    {
      config: { access: access.readTicket },
      schema: {
        tags: ['intake'],
        summary: 'A ticket as its events make it',
        params: TicketParams,
        response: { 200: TicketView, 404: ProblemDocumentSchema },
      },
    },
    async (request) => {
      const { ticket, recorded } = await loadTicket(deps.store, request.params.ticketId, request.url);
      return ticketView(ticket, recorded.at(-1)!.revision);
    },
  );

  const onTicket = <K extends InboundKind>(path: string, kind: K, summary: string) => {
    const body = (inboundPayloads[kind] as unknown as z.ZodObject).omit({ ticketId: true }).extend(occurredAtField);
    app.post(
      `/tickets/:ticketId/${path}`,
      {
        config: { access: access.clientOnTicket },
        schema: { tags: ['intake'], summary, params: TicketParams, body, response: { 200: TicketView, ...problems } },
      },
      async (request) => {
        const { occurredAt: given, ...rest } = request.body as { occurredAt?: string };
        const payload = { ...rest, ticketId: request.params.ticketId } as never;
        const taken = await takeIn(deps, { kind, payload, origin: originOf(request, deps, given) });
        return ticketAnswer(deps.store, taken, request.url);
      },
    );
  };
  onTicket('information', 'ticket.information_provided', 'The client completes an incomplete request');
  onTicket('messages', 'ticket.client_message', 'A client message: the awaited reply, or a reminder');
  onTicket('cancellation', 'ticket.cancelled', 'The client cancels the request');
  onTicket('complaints', 'complaint.filed', 'The client files a complaint about the ticket');
  onTicket('penalty-claims', 'penalty.claimed', 'The client claims late penalties on the ticket');

  const records = {
    contract: {
      idField: 'contractId',
      tag: 'contracts',
      View: ContractView,
      params: ContractParams,
      view: async (id: string) => contractView(await loadContract(deps.store, id)),
    },
    agent: {
      idField: 'agentId',
      tag: 'agents',
      View: AgentView,
      params: AgentParams,
      view: async (id: string) => ({ ...(await loadAgent(deps.store, id)) }),
    },
    product: {
      idField: 'product',
      tag: 'products',
      View: ProductView,
      params: ProductParams,
      view: async (id: string) => productView(await loadProduct(deps.store, id)),
    },
  } as const;

  /**
   * A command on a contract, an agent or a product: the record's id comes from the path (or the body for the
   * first one), the answer is the record read back from its stream; 201 when it was created.
   */
  const onRecord = <K extends InboundKind>(route: {
    method: 'post' | 'put';
    path: string;
    kind: K;
    summary: string;
    record: keyof typeof records;
    creates?: boolean;
  }) => {
    const { idField, tag, View, params, view } = records[route.record];
    const schema = inboundPayloads[route.kind] as unknown as z.ZodObject;
    const body = (route.creates ? schema : schema.omit({ [idField]: true } as Record<string, true>)).extend(
      occurredAtField,
    );
    app[route.method](
      route.path,
      {
        config: { access: access.record },
        schema: {
          tags: [tag],
          summary: route.summary,
          ...(route.creates ? {} : { params }),
          body,
          response: { 200: View, 201: View, ...problems },
        },
      },
      async (request, reply) => {
        const { occurredAt: given, ...rest } = request.body as { occurredAt?: string };
        const fromPath = route.creates ? {} : { [idField]: (request.params as Record<string, string>)[idField] };
        const payload = { ...rest, ...fromPath } as never;
        const taken = await takeIn(deps, { kind: route.kind, payload, origin: originOf(request, deps, given) });
        const answer = await view(taken.subject.id);
        return reply.code(route.creates && taken.written ? 201 : 200).send(answer);
      },
    );
  };
  const contract = (path: string, kind: InboundKind, summary: string, creates = false) =>
    onRecord({ method: 'post', path, kind, summary, record: 'contract', creates });
  contract('/contracts', 'contract.signed', 'Record a signed contract', true);
  contract('/contracts/:contractId/amendments', 'contract.amended', 'Record a dated amendment');
  contract(
    '/contracts/:contractId/maintenance-start',
    'contract.maintenance_started',
    'Record the actual start of maintenance',
  );
  contract('/contracts/:contractId/renewal', 'contract.renewed', 'Record a renewal');
  contract('/contracts/:contractId/termination', 'contract.terminated', 'Record a termination');
  app.get(
    '/contracts/:contractId',
    {
      config: { access: access.readRecord },
      schema: {
        tags: ['contracts'],
        summary: 'A contract and its versions of terms',
        params: ContractParams,
        response: { 200: ContractView, 404: ProblemDocumentSchema },
      },
    },
    async (request) => contractView(await loadContract(deps.store, request.params.contractId)),
  );

  const agent = (method: 'post' | 'put', path: string, kind: InboundKind, summary: string, creates = false) =>
    onRecord({ method, path, kind, summary, record: 'agent', creates });
  agent('post', '/agents', 'agent.joined', 'An agent joins the hotline', true);
  agent('post', '/agents/:agentId/departure', 'agent.left', 'An agent leaves the hotline');
  agent('put', '/agents/:agentId/skills', 'agent.skills_declared', "Declare an agent's skills per product");
  agent('put', '/agents/:agentId/availability', 'agent.availability_changed', "Change an agent's availability");
  app.get(
    '/agents/:agentId',
    {
      config: { access: access.readRecord },
      schema: {
        tags: ['agents'],
        summary: 'An agent',
        params: AgentParams,
        response: { 200: AgentView, 404: ProblemDocumentSchema },
      },
    },
    async (request) => ({ ...(await loadAgent(deps.store, request.params.agentId)) }),
  );

  const product = (path: string, kind: InboundKind, summary: string, creates = false) =>
    onRecord({ method: 'post', path, kind, summary, record: 'product', creates });
  product('/products', 'product.launched', 'Launch a product in the catalogue', true);
  product('/products/:product/versions', 'product.version_released', 'Release a version of a product');
  product(
    '/products/:product/end-of-support',
    'product.support_ended',
    'End the support of a version, or of the whole product without version, from a day',
  );
  app.get(
    '/products/:product',
    {
      config: { access: access.readRecord },
      schema: {
        tags: ['products'],
        summary: 'A product of the catalogue: its versions, end of support and trained agents',
        params: ProductParams,
        response: { 200: ProductView, 404: ProblemDocumentSchema },
      },
    },
    async (request) => productView(await loadProduct(deps.store, request.params.product)),
  );
}
