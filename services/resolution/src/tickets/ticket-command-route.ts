import { EntityId, type TicketCommand, ticketDecider } from '@hotline/domain';
import {
  commandContextOf,
  executeCommand,
  occurredAt,
  type ServiceContext,
  streams,
  TicketView,
  ticketView,
} from '@hotline/platform';
import type { HttpServer, Identity, RouteAccess } from '@hotline/runtime';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';

export const TicketParams = z.object({ ticketId: EntityId.describe('The ticket') });

/** What every command body carries (`CommandBodyBase`), whatever else it says. */
type CommandBody = { by: string; occurredAt?: string | undefined };

export interface TicketCommandInput<B> {
  readonly ticketId: string;
  readonly body: B;
  /** When it happened: the body's `occurredAt`, or now. */
  readonly at: string;
  /** The request path, for the problem documents of checks made before the command. */
  readonly instance: string;
  /** Who calls, when access control is on: a command may hold a role to part of what it offers. */
  readonly caller?: Identity | undefined;
}

export interface TicketCommandRoute<B extends z.ZodType<CommandBody>> {
  /** Under `/tickets/:ticketId/`. */
  readonly path: string;
  readonly summary: string;
  readonly description?: string;
  /** Who may call the route (issue #10); a client only on its own company's tickets. */
  readonly access: RouteAccess;
  readonly body: B;
  /** The domain command the request stands for; may read other streams to fill it in. */
  command(input: TicketCommandInput<z.infer<B>>): TicketCommand | Promise<TicketCommand>;
}

/** The hotline's own work on a ticket: its agents and its manager. */
export const HOTLINE_WORK: RouteAccess = { roles: ['agent', 'manager'] };

/**
 * What a client does on its own ticket (confirm, reopen), which an agent may record for it and an
 * upstream system (the client portal) may relay, as support.inbound.v1 carries it.
 */
export const CLIENT_ON_TICKET: RouteAccess = {
  roles: ['client', 'agent', 'manager', 'system'],
  client: { ticketId: 'params.ticketId' },
};

/**
 * `POST /tickets/:ticketId/<path>`: the body becomes one ticket command, decided against the stream and
 * appended with its expected revision; the answer is the ticket as it now stands.
 */
export function ticketCommandRoute<B extends z.ZodType<CommandBody>>(
  app: HttpServer,
  context: ServiceContext,
  route: TicketCommandRoute<B>,
): void {
  app.post(
    `/tickets/:ticketId/${route.path}`,
    {
      config: { access: route.access },
      schema: {
        tags: ['resolution'],
        summary: route.summary,
        ...(route.description === undefined ? {} : { description: route.description }),
        params: TicketParams,
        body: route.body,
        response: { 200: TicketView },
      },
    },
    async (request) => {
      const { ticketId } = request.params;
      const body = request.body as z.infer<B>;
      const at = occurredAt(body.occurredAt, context.clock);
      const command = await route.command({ ticketId, body, at, instance: request.url, caller: request.identity });
      return runTicketCommand(context, request, command, { actor: body.by, scope: `${route.path}:${ticketId}` });
    },
  );
}

/** Decides and appends one ticket command for a request; a refusal or a lasting conflict is a problem. */
export async function runTicketCommand(
  context: ServiceContext,
  request: FastifyRequest,
  command: TicketCommand,
  identity: { readonly actor: string; readonly scope: string },
): Promise<TicketView> {
  const outcome = await executeCommand(
    context.store,
    {
      stream: streams.ticket(command.ticketId),
      decider: ticketDecider,
      command,
      context: commandContextOf(request, identity.actor, identity.scope),
    },
    request.url,
  );
  // A command the decider accepted always leaves an existing ticket behind it.
  if (outcome.state.status === 'none') throw new Error(`Ticket ${command.ticketId} vanished after a command`);
  return ticketView(outcome.state, outcome.revision);
}
