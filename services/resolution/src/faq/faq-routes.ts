import {
  EntityId,
  type FaqCommand,
  type FaqEntryState,
  faqEntryDecider,
  faqEventRegistry,
  PublishFaqEntry,
  readStored,
  steeringStreams,
  UnpublishFaqEntry,
} from '@hotline/domain';
import { CommandBodyBase, commandContextOf, executeCommand, occurredAt, type ServiceContext } from '@hotline/platform';
import { type HttpServer, ProblemDocumentSchema, ProblemError } from '@hotline/runtime';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { readArticle } from '../knowledge/article-reading.ts';
import type { FaqEntries } from './faq-entries.ts';

const tags = ['faq'];
const EntryParams = z.object({ entryId: EntityId.describe('The FAQ entry') });
const PublishBody = z.object({
  ...PublishFaqEntry.pick({ entryId: true, articleId: true, question: true, answer: true, product: true }).shape,
  ticketIds: PublishFaqEntry.shape.ticketIds.default([]).describe('The tickets the entry answered'),
  ...CommandBodyBase,
});
const UnpublishBody = z.object({ ...UnpublishFaqEntry.pick({ reason: true }).shape, ...CommandBodyBase });

export const FaqEntryView = z
  .object({
    entryId: z.string(),
    articleId: z.string(),
    question: z.string(),
    answer: z.string(),
    product: z.string(),
    ticketIds: z.array(z.string()),
    status: z.enum(['published', 'unpublished']),
    by: z.string(),
    at: z.string(),
    revision: z.string(),
  })
  .describe('A FAQ entry for clients, from a knowledge article');

function entryView(state: FaqEntryState, revision: bigint, entryId: string, instance: string) {
  if (state.status === 'none') {
    throw new ProblemError({ status: 404, code: 'faq.not_found', detail: `No FAQ entry ${entryId}`, instance });
  }
  return { ...state, ticketIds: [...state.ticketIds], revision: revision.toString() };
}

/** FAQ entries for clients, published from the knowledge base's articles. */
export function registerFaqRoutes(app: HttpServer, context: ServiceContext, entries: FaqEntries): void {
  const run = async (request: FastifyRequest, command: FaqCommand, scope: string) => {
    const { state, revision } = await executeCommand(
      context.store,
      {
        stream: steeringStreams.faq(command.entryId),
        decider: faqEntryDecider,
        command,
        context: commandContextOf(request, command.by, `${scope}:${command.entryId}`),
      },
      request.url,
    );
    return entryView(state, revision, command.entryId, request.url);
  };

  app.post(
    '/faq',
    {
      config: { access: { roles: ['agent', 'manager'] } },
      schema: {
        tags,
        summary: 'Publish a FAQ entry for clients from a knowledge article',
        description:
          "The article must be published (not archived) and about the entry's product; `ticketIds` are the tickets the entry answered. An unpublished entry may be published again with new content.",
        body: PublishBody,
        response: { 201: FaqEntryView },
      },
    },
    async (request, reply) => {
      const { by, occurredAt: given, ...entry } = request.body;
      const at = occurredAt(given, context.clock);
      // The article as it stands now: the domain decides whether an entry may come from it.
      const { state } = await readArticle(context.store, entry.articleId);
      const article =
        state.status === 'none'
          ? { status: 'none' as const, products: [] }
          : { status: state.status, products: [...state.products] };
      const view = await run(request, { type: 'PublishFaqEntry', ...entry, article, by, at }, 'publish-faq');
      return reply.code(201).send(view);
    },
  );

  app.post(
    '/faq/:entryId/unpublication',
    {
      config: { access: { roles: ['agent', 'manager'] } },
      schema: {
        tags,
        summary: 'Withdraw a FAQ entry from the clients',
        params: EntryParams,
        body: UnpublishBody,
        response: { 200: FaqEntryView },
      },
    },
    async (request) => {
      const { by, occurredAt: given, reason } = request.body;
      const at = occurredAt(given, context.clock);
      const { entryId } = request.params;
      return run(request, { type: 'UnpublishFaqEntry', entryId, reason, by, at }, 'unpublish-faq');
    },
  );

  app.get(
    '/faq/:entryId',
    {
      config: { access: { roles: ['agent', 'manager'] } },
      schema: {
        tags,
        summary: 'A FAQ entry',
        params: EntryParams,
        response: { 200: FaqEntryView, 404: ProblemDocumentSchema },
      },
    },
    async (request) => {
      const { entryId } = request.params;
      const recorded = await context.store.readStream(steeringStreams.faq(entryId));
      const state = recorded.reduce<FaqEntryState>((current, event) => {
        return faqEntryDecider.evolve(current, readStored(faqEventRegistry, event));
      }, faqEntryDecider.initialState);
      return entryView(state, recorded.at(-1)?.revision ?? -1n, entryId, request.url);
    },
  );

  app.get(
    '/products/:product/faq',
    {
      config: { access: { roles: ['agent', 'manager'] } },
      schema: {
        tags,
        summary: 'The FAQ of a product as clients read it: its published entries',
        params: z.object({ product: z.string().trim().min(1).describe('The product code (`ERP`)') }),
        response: {
          200: z.object({ product: z.string(), entries: z.array(FaqEntryView.omit({ revision: true, status: true })) }),
        },
      },
    },
    async (request) => {
      const { product } = request.params;
      const published = entries.publishedFor(product).map(({ status: _status, ticketIds, ...entry }) => ({
        ...entry,
        ticketIds: [...ticketIds],
      }));
      return { product, entries: published };
    },
  );
}
