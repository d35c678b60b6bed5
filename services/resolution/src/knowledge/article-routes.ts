import {
  EntityId,
  type KnowledgeCommand,
  knowledgeArticleDecider,
  PublishArticle,
  RetireArticle,
  UpdateArticle,
} from '@hotline/domain';
import {
  CommandBodyBase,
  commandContextOf,
  executeCommand,
  occurredAt,
  type ServiceContext,
  streams,
} from '@hotline/platform';
import { type HttpServer, ProblemError } from '@hotline/runtime';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { readArticle } from './article-reading.ts';
import { ArticleView, articleView } from './article-view.ts';

const ArticleParams = z.object({ articleId: EntityId.describe('The article') });

const content = { title: true, body: true, products: true, symptoms: true } as const;
const PublishBody = z.object({ ...CommandBodyBase, ...PublishArticle.pick({ articleId: true, ...content }).shape });
const UpdateBody = z.object({ ...CommandBodyBase, ...UpdateArticle.pick(content).shape });
const ArchiveBody = z.object({ ...CommandBodyBase, ...RetireArticle.pick({ reason: true, replacedBy: true }).shape });

const tags = ['resolution'];

/** The knowledge base: agents write and publish articles, correct them, archive them when obsolete. */
export function registerArticleRoutes(app: HttpServer, context: ServiceContext): void {
  const run = async (request: FastifyRequest, command: KnowledgeCommand, scope: string): Promise<ArticleView> => {
    await executeCommand(
      context.store,
      {
        stream: streams.article(command.articleId),
        decider: knowledgeArticleDecider,
        command,
        context: commandContextOf(request, command.by, `${scope}:${command.articleId}`),
      },
      request.url,
    );
    return viewOf(command.articleId, request.url);
  };

  const viewOf = async (articleId: string, instance: string): Promise<ArticleView> => {
    const { events, revision } = await readArticle(context.store, articleId);
    const view = articleView(events, revision);
    if (view === undefined) {
      throw new ProblemError({ status: 404, code: 'article.not_found', detail: `No article ${articleId}`, instance });
    }
    return view;
  };

  app.post(
    '/articles',
    {
      config: { access: { roles: ['agent', 'manager'] } },
      schema: {
        tags,
        summary: 'Write and publish an article',
        body: PublishBody,
        response: { 201: ArticleView },
      },
    },
    async (request, reply) => {
      const { by, occurredAt: given, ...article } = request.body;
      const at = occurredAt(given, context.clock);
      const view = await run(request, { type: 'PublishArticle', ...article, by, at }, 'publish-article');
      return reply.code(201).send(view);
    },
  );

  app.put(
    '/articles/:articleId',
    {
      config: { access: { roles: ['agent', 'manager'] } },
      schema: {
        tags,
        summary: 'Correct an article: only the fields given change',
        params: ArticleParams,
        body: UpdateBody,
        response: { 200: ArticleView },
      },
    },
    async (request) => {
      const { by, occurredAt: given, ...changes } = request.body;
      const at = occurredAt(given, context.clock);
      const { articleId } = request.params;
      return run(request, { type: 'UpdateArticle', articleId, ...changes, by, at }, 'update-article');
    },
  );

  app.post(
    '/articles/:articleId/archive',
    {
      config: { access: { roles: ['agent', 'manager'] } },
      schema: {
        tags,
        summary: 'Archive an article (it stays readable for the tickets that cite it)',
        params: ArticleParams,
        body: ArchiveBody,
        response: { 200: ArticleView },
      },
    },
    async (request) => {
      const { by, occurredAt: given, ...retirement } = request.body;
      const at = occurredAt(given, context.clock);
      const { articleId } = request.params;
      return run(request, { type: 'RetireArticle', articleId, ...retirement, by, at }, 'archive-article');
    },
  );

  app.get(
    '/articles/:articleId',
    {
      config: { access: { roles: ['agent', 'manager'] } },
      schema: {
        tags,
        summary: 'Read an article',
        params: ArticleParams,
        response: { 200: ArticleView },
      },
    },
    async (request) => viewOf(request.params.articleId, request.url),
  );
}
