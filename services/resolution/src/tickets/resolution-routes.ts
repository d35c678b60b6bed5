import { EntityId } from '@hotline/domain';
import { CommandBodyBase, type ServiceContext } from '@hotline/platform';
import type { HttpServer } from '@hotline/runtime';
import { z } from 'zod';
import { ensureCitable } from '../knowledge/article-reading.ts';
import { ensureDeliverable } from '../patches/patch-reading.ts';
import { HOTLINE_WORK, ticketCommandRoute } from './ticket-command-route.ts';

const Text = z.string().trim().min(1);

export const AnswerKind = z.enum(['functional', 'technical', 'procedure', 'script']);
export type AnswerKind = z.infer<typeof AnswerKind>;

// The resolution event has no field for the kind of answer yet: it leads the summary, in words an
// auditor reads, until the domain records it (see the README, "Shared packages").
const answerLabels: Record<AnswerKind, string> = {
  functional: 'Functional answer',
  technical: 'Technical answer',
  procedure: 'Operating procedure',
  script: 'Script',
};

export function answerSummary(kind: AnswerKind, text: string): string {
  return `${answerLabels[kind]}: ${text}`;
}

const FixBody = z.discriminatedUnion('how', [
  z.object({
    ...CommandBodyBase,
    how: z.literal('fix').describe('A corrected program delivered to the client'),
    note: Text.describe('What was delivered and how to install it'),
  }),
  z.object({
    ...CommandBodyBase,
    how: z.literal('patch').describe('A released patch'),
    patchId: EntityId,
    note: Text.describe('What was delivered and how to install it'),
  }),
]);

/** The permanent answers to a ticket: both resolve it, and the reopen window starts. */
export function registerResolutionRoutes(app: HttpServer, context: ServiceContext): void {
  ticketCommandRoute(app, context, {
    access: HOTLINE_WORK,
    path: 'answers',
    summary: 'Answer the client: functional or technical answer, operating procedure or script',
    description: 'Resolves the ticket; an answer taken from the knowledge base names its article.',
    body: z.object({
      ...CommandBodyBase,
      kind: AnswerKind,
      text: Text.describe('The answer as given to the client'),
      articleId: EntityId.optional().describe('The knowledge-base article answered from'),
    }),
    command: async ({ ticketId, body, at, instance }) => {
      if (body.articleId !== undefined) await ensureCitable(context.store, body.articleId, instance);
      return {
        type: 'ResolveTicket',
        ticketId,
        how: 'answer',
        ...(body.articleId === undefined ? {} : { articleId: body.articleId }),
        summary: answerSummary(body.kind, body.text),
        by: body.by,
        at,
      };
    },
  });

  ticketCommandRoute(app, context, {
    access: HOTLINE_WORK,
    path: 'fixes',
    summary: 'Deliver a permanent fix: a corrected program or a released patch, with its note',
    description: 'Resolves the ticket. A patch must have been released (`POST /patches/{patchId}/release`).',
    body: FixBody,
    command: async ({ ticketId, body, at, instance }) => {
      if (body.how === 'patch') await ensureDeliverable(context.store, body.patchId, instance);
      return {
        type: 'ResolveTicket',
        ticketId,
        how: body.how,
        ...(body.how === 'patch' ? { patchId: body.patchId } : {}),
        summary: body.note,
        by: body.by,
        at,
      };
    },
  });
}
