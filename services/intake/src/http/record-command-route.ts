import type { DomainError } from '@hotline/domain';
import type { DomainEventShape, StreamDecider } from '@hotline/eventstore';
import { commandContextOf, type Executed, executeCommand, occurredAt, type ServiceContext } from '@hotline/platform';
import { type HttpServer, ProblemDocumentSchema, type RouteAccess } from '@hotline/runtime';
import type { z } from 'zod';

const problems = {
  400: ProblemDocumentSchema,
  404: ProblemDocumentSchema,
  409: ProblemDocumentSchema,
  422: ProblemDocumentSchema,
};

type Params = Record<string, string>;
type CommandBody = { by: string; occurredAt?: string | undefined };

/**
 * One HTTP command on one of the records that steer the hotline (objectives, a client's follow-up
 * and billing, a training): the body becomes the command, decided on its stream and appended with
 * the expected revision; the answer is what the route's `view` makes of the outcome. A route that
 * `creates` answers 201 when it recorded something, 200 for a replay (same Idempotency-Key).
 */
export interface RecordCommandRoute<B extends CommandBody, C, E extends DomainEventShape, S> {
  readonly method: 'post' | 'put';
  readonly path: string;
  readonly tag: string;
  readonly summary: string;
  readonly description?: string;
  /** Who may call the route (issue #10): these records steer the hotline, so mostly the manager's. */
  readonly access: RouteAccess;
  readonly params?: z.ZodObject;
  readonly body: z.ZodType<B>;
  readonly response: z.ZodType;
  readonly creates?: boolean;
  /** Names the command for idempotency, with the Idempotency-Key (`scope:key`). */
  readonly scope: (params: Params, body: B) => string;
  readonly stream: (params: Params, body: B) => string;
  readonly decider: StreamDecider<C, E, S, DomainError>;
  /** May read other streams to fill the command in; `instance` is the request's path, for a problem. */
  readonly command: (input: { params: Params; body: B; at: string; instance: string }) => C | Promise<C>;
  readonly view: (executed: Executed<E, S>, params: Params, body: B) => unknown;
}

export function recordCommandRoute<B extends CommandBody, C, E extends DomainEventShape, S>(
  app: HttpServer,
  context: ServiceContext,
  route: RecordCommandRoute<B, C, E, S>,
): void {
  app[route.method](
    route.path,
    {
      schema: {
        tags: [route.tag],
        summary: route.summary,
        ...(route.description === undefined ? {} : { description: route.description }),
        ...(route.params === undefined ? {} : { params: route.params }),
        body: route.body,
        response: { 200: route.response, ...(route.creates ? { 201: route.response } : {}), ...problems },
      },
      config: { access: route.access },
    },
    async (request, reply) => {
      const params = (request.params ?? {}) as Params;
      const body = request.body as B;
      const at = occurredAt(body.occurredAt, context.clock);
      const command = await route.command({ params, body, at, instance: request.url });
      const executed = await executeCommand(
        context.store,
        {
          stream: route.stream(params, body),
          decider: route.decider,
          command,
          context: commandContextOf(request, body.by, route.scope(params, body)),
        },
        request.url,
      );
      const view = await route.view(executed, params, body);
      return reply.code(route.creates && executed.written ? 201 : 200).send(view);
    },
  );
}
