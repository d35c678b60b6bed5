import { EntityId } from '@hotline/domain';
import { CommandBodyBase, type ServiceContext } from '@hotline/platform';
import type { HttpServer } from '@hotline/runtime';
import { z } from 'zod';
import { ensureCitable } from '../knowledge/article-reading.ts';
import { HOTLINE_WORK, ticketCommandRoute } from './ticket-command-route.ts';

const Text = z.string().trim().min(1);

/** The agent's day-to-day work on a ticket before it is resolved. */
export function registerWorkRoutes(app: HttpServer, context: ServiceContext): void {
  ticketCommandRoute(app, context, {
    access: HOTLINE_WORK,
    path: 'take-charge',
    summary: 'Take charge of a ticket: acknowledged, qualified and assigned in one act',
    body: z.object({
      ...CommandBodyBase,
      assignee: EntityId.optional().describe('The agent who will work on it; the one taking charge by default'),
    }),
    command: ({ ticketId, body, at }) => ({
      type: 'TakeCharge',
      ticketId,
      ...(body.assignee === undefined ? {} : { assignee: body.assignee }),
      by: body.by,
      at,
    }),
  });

  ticketCommandRoute(app, context, {
    access: HOTLINE_WORK,
    path: 'information-requests',
    summary: 'Ask the client to complete a request before taking charge of it',
    description: 'The SLA clock pauses until the client provides what is missing.',
    body: z.object({
      ...CommandBodyBase,
      missing: z.array(Text).min(1).describe('What the request lacks'),
      message: Text.optional().describe('The message sent to the client'),
    }),
    command: ({ ticketId, body, at }) => ({
      type: 'RequestInformation',
      ticketId,
      missing: body.missing,
      ...(body.message === undefined ? {} : { message: body.message }),
      by: body.by,
      at,
    }),
  });

  ticketCommandRoute(app, context, {
    access: HOTLINE_WORK,
    path: 'customer-questions',
    summary: 'Ask the client a question while working on the ticket',
    description: 'The SLA clock pauses until the client replies.',
    body: z.object({ ...CommandBodyBase, question: Text }),
    command: ({ ticketId, body, at }) => ({
      type: 'RequestCustomerInput',
      ticketId,
      question: body.question,
      by: body.by,
      at,
    }),
  });

  ticketCommandRoute(app, context, {
    access: HOTLINE_WORK,
    path: 'workarounds',
    summary: 'Provide a workaround while the permanent fix is prepared',
    body: z.object({
      ...CommandBodyBase,
      description: Text.describe('What the client should do meanwhile'),
      articleId: EntityId.optional().describe('The knowledge-base article that describes it'),
    }),
    command: async ({ ticketId, body, at, instance }) => {
      if (body.articleId !== undefined) await ensureCitable(context.store, body.articleId, instance);
      return {
        type: 'ProvideWorkaround',
        ticketId,
        description: body.description,
        ...(body.articleId === undefined ? {} : { articleId: body.articleId }),
        by: body.by,
        at,
      };
    },
  });

  ticketCommandRoute(app, context, {
    access: HOTLINE_WORK,
    path: 'time',
    summary: 'Record time spent on the ticket',
    body: z.object({
      ...CommandBodyBase,
      minutes: z.number().int().positive(),
      what: Text.describe('What the time was spent on'),
      agentId: EntityId.optional().describe('Who spent it; the one recording by default'),
    }),
    command: ({ ticketId, body, at }) => ({
      type: 'RecordTime',
      ticketId,
      agentId: body.agentId ?? body.by,
      minutes: body.minutes,
      what: body.what,
      by: body.by,
      at,
    }),
  });

  ticketCommandRoute(app, context, {
    access: HOTLINE_WORK,
    path: 'articles',
    summary: 'Link a knowledge-base article to the ticket',
    body: z.object({ ...CommandBodyBase, articleId: EntityId }),
    command: async ({ ticketId, body, at, instance }) => {
      await ensureCitable(context.store, body.articleId, instance);
      return { type: 'LinkKnowledgeArticle', ticketId, articleId: body.articleId, by: body.by, at };
    },
  });
}
