import {
  type ClientCommand,
  ClientContextKind,
  type ClientEvent,
  type ClientState,
  CompleteReviewAction,
  clientDecider,
  clientEventRegistry,
  FlagClientContext,
  RecordClientReview,
  ScheduleClientReview,
} from '@hotline/domain';
import { CommandBodyBase, type ServiceContext, streams } from '@hotline/platform';
import { type HttpServer, ProblemDocumentSchema } from '@hotline/runtime';
import { z } from 'zod';
import { recordCommandRoute } from './record-command-route.ts';
import { loadRecord, notFound } from './record-views.ts';

const ClientParams = z.object({ clientId: z.string().trim().min(1).describe('The client, as the CRM names it') });
const ContextParams = ClientParams.extend({ kind: ClientContextKind });
const ReviewParams = ClientParams.extend({ reviewId: z.string().trim().min(1) });
const ActionParams = ReviewParams.extend({
  action: z.coerce.number().int().min(0).describe("The action's place in the review's minutes, from 0"),
});

const FlagBody = z.object({
  ...FlagClientContext.pick({ kind: true, reason: true, from: true, to: true }).shape,
  ...CommandBodyBase,
});
const ClearBody = z.object({ reason: z.string().trim().min(1).optional(), ...CommandBodyBase });
const ScheduleBody = z.object({
  ...ScheduleClientReview.omit({ type: true, clientId: true, by: true, at: true }).shape,
  ...CommandBodyBase,
});
const MinutesBody = z.object({
  ...RecordClientReview.pick({ notes: true, actions: true, attendees: true }).shape,
  ...CommandBodyBase,
});

const CompletionBody = z.object({
  ...CompleteReviewAction.pick({ outcome: true, note: true }).shape,
  ...CommandBodyBase,
});

const ClientView = z.looseObject({
  clientId: z.string(),
  contexts: z.partialRecord(
    ClientContextKind,
    z.object({ reason: z.string(), from: z.string(), to: z.string().optional() }),
  ),
  reviews: z.record(z.string(), z.enum(['scheduled', 'held'])),
  /** Per held review, its actions in the order of the minutes. */
  actions: z.record(z.string(), z.array(z.enum(['open', 'done', 'dropped'])).readonly()),
  revision: z.string(),
});

function clientView(clientId: string, state: ClientState, revision: bigint) {
  const { contexts, reviews, actions } = state;
  return { clientId, contexts, reviews, actions, revision: String(revision) };
}

type Body = { by: string; occurredAt?: string | undefined };

/** The hotline's follow-up of a client: contexts that call for care, and review meetings. */
export function registerClientRoutes(app: HttpServer, context: ServiceContext): void {
  const route = <B extends Body>(spec: {
    path: string;
    summary: string;
    description?: string;
    params: z.ZodObject;
    body: z.ZodType<B>;
    creates?: boolean;
    scope: string;
    command: (params: Record<string, string>, body: Omit<B, 'occurredAt'>, at: string) => ClientCommand;
  }) =>
    recordCommandRoute<B, ClientCommand, ClientEvent, ClientState>(app, context, {
      method: 'post',
      tag: 'clients',
      access: { roles: ['manager'] },
      response: ClientView,
      ...spec,
      scope: (params) => `${spec.scope}:${params.clientId}`,
      stream: (params) => streams.client(params.clientId as string),
      decider: clientDecider,
      command: ({ params, body: { occurredAt: _given, ...body }, at }) => spec.command(params, body, at),
      view: ({ state, revision }, params) => clientView(params.clientId as string, state, revision),
    });

  route({
    path: '/clients/:clientId/context',
    summary: 'Flag a client in migration, sensitive or under special follow-up, with the reason and the dates',
    params: ClientParams,
    body: FlagBody,
    scope: 'client-context',
    command: ({ clientId }, body, at) => ({ type: 'FlagClientContext', clientId: clientId as string, ...body, at }),
  });
  route({
    path: '/clients/:clientId/context/:kind/clearance',
    summary: 'Clear a context flagged on the client',
    params: ContextParams,
    body: ClearBody,
    scope: 'client-context-clearance',
    command: ({ clientId, kind }, body, at) => ({
      type: 'ClearClientContext',
      clientId: clientId as string,
      kind: kind as ClientContextKind,
      ...body,
      at,
    }),
  });
  route({
    path: '/clients/:clientId/reviews',
    summary: 'Schedule a review meeting with the client',
    description:
      'Requested by the client, or by the hotline because of a context flagged on the client (`requestedBy: context` names it); `period` is what the client report of the meeting covers.',
    params: ClientParams,
    body: ScheduleBody,
    creates: true,
    scope: 'client-review',
    command: ({ clientId }, body, at) => ({ type: 'ScheduleClientReview', clientId: clientId as string, ...body, at }),
  });
  route({
    path: '/clients/:clientId/reviews/:reviewId/minutes',
    summary: 'Record what was said at a review meeting and the actions decided',
    params: ReviewParams,
    body: MinutesBody,
    scope: 'client-review-minutes',
    command: ({ clientId, reviewId }, body, at) => ({
      type: 'RecordClientReview',
      clientId: clientId as string,
      reviewId: reviewId as string,
      ...body,
      at,
    }),
  });
  route({
    path: '/clients/:clientId/reviews/:reviewId/actions/:action/completion',
    summary: 'Close an action decided at a review: done, or dropped with the reason in the note',
    params: ActionParams,
    body: CompletionBody,
    scope: 'client-review-action',
    command: ({ clientId, reviewId, action }, body, at) => ({
      type: 'CompleteReviewAction',
      clientId: clientId as string,
      reviewId: reviewId as string,
      // The path's zod schema coerced it; the handler's params are typed as the path's strings.
      action: Number(action),
      ...body,
      at,
    }),
  });

  app.get(
    '/clients/:clientId',
    {
      config: { access: { roles: ['agent', 'manager'] } },
      schema: {
        tags: ['clients'],
        summary: "The hotline's follow-up of a client: contexts flagged and reviews",
        params: ClientParams,
        response: { 200: ClientView, 404: ProblemDocumentSchema },
      },
    },
    async (request) => {
      const { clientId } = request.params;
      const loaded = await loadRecord(context.store, streams.client(clientId), clientEventRegistry, clientDecider);
      if (loaded === undefined) throw notFound('client.not_found', `No follow-up of client ${clientId}`);
      return clientView(clientId, loaded.state, loaded.revision);
    },
  );
}
