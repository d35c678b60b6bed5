import {
  AttachProductionDocument,
  type DocumentationCommand,
  documentationEventRegistry,
  EntityId,
  type ProductionDocument,
  type ProductionDocumentState,
  productionDocumentDecider,
  RetireProductionDocument,
  readStored,
  steeringStreams,
} from '@hotline/domain';
import {
  CommandBodyBase,
  commandContextOf,
  executeCommand,
  loadTicket,
  occurredAt,
  type ServiceContext,
} from '@hotline/platform';
import { type HttpServer, ProblemDocumentSchema, ProblemError } from '@hotline/runtime';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { TicketParams } from '../tickets/ticket-command-route.ts';
import type { ProductionDocuments } from './production-documents.ts';

const tags = ['documentation'];
const ProductParams = z.object({ product: z.string().trim().min(1).describe('The product code (`ERP`)') });
const DocumentParams = z.object({ documentId: EntityId.describe('The document') });
const AttachBody = z.object({
  ...AttachProductionDocument.pick({ documentId: true, kind: true, title: true, link: true, text: true }).shape,
  versions: AttachProductionDocument.shape.versions.prefault({}),
  ...CommandBodyBase,
});
const RetireBody = z.object({ ...RetireProductionDocument.pick({ reason: true }).shape, ...CommandBodyBase });

const { type: _type, ...attachedShape } = AttachProductionDocument.shape;
export const DocumentView = z
  .object({ ...attachedShape, status: z.enum(['attached', 'retired']), revision: z.string() })
  .describe('A production document: release notes, known issue, guide or procedure of a product');
const DocumentList = z.object({
  product: z.string(),
  version: z.string().optional(),
  documents: z.array(DocumentView.omit({ revision: true })),
});

function view(document: ProductionDocument) {
  const { status, documentId, product, kind, title, link, text, versions, by, at } = document;
  return {
    documentId,
    product,
    kind,
    title,
    ...(link === undefined ? {} : { link }),
    ...(text === undefined ? {} : { text }),
    versions,
    status,
    by,
    at,
  };
}

/** Production documentation on products and versions, found by agents from a ticket. */
export function registerDocumentRoutes(app: HttpServer, context: ServiceContext, documents: ProductionDocuments): void {
  const run = async (request: FastifyRequest, command: DocumentationCommand, scope: string) => {
    const { state, revision } = await executeCommand(
      context.store,
      {
        stream: steeringStreams.document(command.documentId),
        decider: productionDocumentDecider,
        command,
        context: commandContextOf(request, command.by, `${scope}:${command.documentId}`),
      },
      request.url,
    );
    return documentView(state, revision, command.documentId, request.url);
  };

  app.post(
    '/products/:product/documents',
    {
      config: { access: { roles: ['agent', 'manager'] } },
      schema: {
        tags,
        summary: 'Attach a production document to a product and a range of its versions',
        description:
          'Release notes, a known issue, an installation guide or an operating procedure: a link, a text or both; `versions.from` and `versions.to` are included, an absent end is open.',
        params: ProductParams,
        body: AttachBody,
        response: { 201: DocumentView, 200: DocumentView },
      },
    },
    async (request, reply) => {
      const { by, occurredAt: given, ...document } = request.body;
      const at = occurredAt(given, context.clock);
      const command = {
        type: 'AttachProductionDocument' as const,
        ...document,
        product: request.params.product,
        by,
        at,
      };
      const answer = await run(request, command, 'attach-document');
      return reply.code(201).send(answer);
    },
  );

  app.post(
    '/documents/:documentId/retirement',
    {
      config: { access: { roles: ['agent', 'manager'] } },
      schema: {
        tags,
        summary: 'Retire a production document (it stays readable by its id)',
        params: DocumentParams,
        body: RetireBody,
        response: { 200: DocumentView },
      },
    },
    async (request) => {
      const { by, occurredAt: given, reason } = request.body;
      const at = occurredAt(given, context.clock);
      const { documentId } = request.params;
      return run(request, { type: 'RetireProductionDocument', documentId, reason, by, at }, 'retire-document');
    },
  );

  app.get(
    '/documents/:documentId',
    {
      config: { access: { roles: ['agent', 'manager'] } },
      schema: {
        tags,
        summary: 'A production document',
        params: DocumentParams,
        response: { 200: DocumentView, 404: ProblemDocumentSchema },
      },
    },
    async (request) => {
      const { documentId } = request.params;
      const recorded = await context.store.readStream(steeringStreams.document(documentId));
      const state = recorded.reduce<ProductionDocumentState>((current, event) => {
        return productionDocumentDecider.evolve(current, readStored(documentationEventRegistry, event));
      }, productionDocumentDecider.initialState);
      return documentView(state, recorded.at(-1)?.revision ?? -1n, documentId, request.url);
    },
  );

  app.get(
    '/products/:product/documents',
    {
      config: { access: { roles: ['agent', 'manager'] } },
      schema: {
        tags,
        summary: "A product's production documents in force, for a version when given",
        params: ProductParams,
        querystring: z.object({ version: z.string().trim().min(1).optional() }),
        response: { 200: DocumentList },
      },
    },
    async (request) => {
      const { product } = request.params;
      const { version } = request.query;
      return {
        product,
        ...(version === undefined ? {} : { version }),
        documents: documents.of(product, version).map(view),
      };
    },
  );

  app.get(
    '/tickets/:ticketId/documents',
    {
      config: { access: { roles: ['agent', 'manager'] } },
      schema: {
        tags,
        summary: "The production documents of the ticket's product and version",
        description: 'Empty while the ticket names no product; every version when it names none.',
        params: TicketParams,
        response: { 200: DocumentList, 404: ProblemDocumentSchema },
      },
    },
    async (request) => {
      const { ticket } = await loadTicket(context.store, request.params.ticketId, request.url);
      const { product, version } = ticket;
      if (product === undefined) return { product: '', documents: [] };
      return {
        product,
        ...(version === undefined ? {} : { version }),
        documents: documents.of(product, version).map(view),
      };
    },
  );
}

function documentView(state: ProductionDocumentState, revision: bigint, documentId: string, instance: string) {
  if (state.status === 'none') {
    throw new ProblemError({ status: 404, code: 'document.not_found', detail: `No document ${documentId}`, instance });
  }
  return { ...view(state), revision: revision.toString() };
}
