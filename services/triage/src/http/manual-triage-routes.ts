import {
  type AssignTicket,
  checkAssignee,
  type DomainError,
  EntityId,
  Environment,
  Nature,
  Priority,
  type TicketEvent,
  type TicketState,
  ticketDecider,
} from '@hotline/domain';
import type { StreamDecider } from '@hotline/eventstore';
import {
  CommandBodyBase,
  commandContextOf,
  executeCommand,
  loadTicket,
  occurredAt,
  refusalProblem,
  type ServiceContext,
  streams,
  TicketView,
  ticketView,
} from '@hotline/platform';
import type { HttpServer } from '@hotline/runtime';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { TriageDirectories } from '../directory/triage-directories.ts';
import { type Requalification, requalificationDecider } from '../requalification/requalification-decider.ts';

const Text = z.string().trim().min(1);

const TicketParams = z.object({ ticketId: EntityId.describe('The ticket') });

export const RequalificationBody = z
  .object({
    nature: Nature.optional(),
    priority: Priority.optional(),
    environment: Environment.optional(),
    reason: Text.describe('Why the qualification changes; recorded in the event'),
    ...CommandBodyBase,
  })
  .refine(
    (body) => body.nature !== undefined || body.priority !== undefined || body.environment !== undefined,
    'name the nature, the priority or the environment to change',
  )
  .describe('A requalification by the hotline manager; the coverage is judged again by the service');

export const AssignmentBody = z
  .object({
    agentId: EntityId.describe('The agent who gets the ticket'),
    reason: Text.optional().describe('Why this agent'),
    ...CommandBodyBase,
  })
  .describe('An assignment (or a reassignment) by the hotline manager');

/** The hotline manager's hand on triage: requalify, assign or reassign. Both answer with the ticket as it now stands. */
export function registerManualTriageRoutes(
  app: HttpServer,
  context: ServiceContext,
  directories: TriageDirectories,
): void {
  app.post(
    '/tickets/:ticketId/requalification',
    {
      config: { access: { roles: ['agent', 'manager'] } },
      schema: {
        tags: ['triage'],
        summary: 'Requalify a ticket (nature, priority, environment)',
        description:
          'Allowed while the ticket is open. The coverage is judged again for the new nature by the contract terms in force at reception.',
        params: TicketParams,
        body: RequalificationBody,
        response: { 200: TicketView },
      },
    },
    async (request) => {
      const { ticketId } = request.params;
      const { nature, priority, environment, reason, by } = request.body;
      // The coverage comes from the contracts: they must hold every contract signed before this request.
      await directories.caughtUp();
      return decided<Requalification>(context, request, {
        ticketId,
        scope: `triage:requalification:${ticketId}`,
        decider: requalificationDecider((clientId) => directories.contracts.contractsOf(clientId)),
        command: {
          type: 'RequalifyTicket',
          ticketId,
          ...(nature === undefined ? {} : { nature }),
          ...(priority === undefined ? {} : { priority }),
          ...(environment === undefined ? {} : { environment }),
          reason,
          by,
          at: occurredAt(request.body.occurredAt, context.clock),
        },
      });
    },
  );

  app.post(
    '/tickets/:ticketId/assignment',
    {
      config: { access: { roles: ['manager'] } },
      schema: {
        tags: ['triage'],
        summary: 'Assign or reassign a ticket to an agent',
        description:
          'Before or after the take-charge, until the resolution. The agent must be of the hotline and not have left; availability and skills are the manager’s call.',
        params: TicketParams,
        body: AssignmentBody,
        response: { 200: TicketView },
      },
    },
    async (request) => {
      const { ticketId } = request.params;
      const { agentId, reason, by } = request.body;
      await loadTicket(context.store, ticketId, request.url);
      await directories.caughtUp();
      const assignee = checkAssignee(agentId, directories.agents.agent(agentId));
      if (!assignee.ok) throw refusalProblem(assignee.error, request.url);
      return decided<AssignTicket>(context, request, {
        ticketId,
        scope: `triage:assignment:${ticketId}`,
        decider: ticketDecider,
        command: {
          type: 'AssignTicket',
          ticketId,
          agentId,
          ...(reason === undefined ? {} : { reason }),
          by,
          at: occurredAt(request.body.occurredAt, context.clock),
        },
      });
    },
  );
}

async function decided<C extends { by: string }>(
  context: ServiceContext,
  request: FastifyRequest,
  options: {
    ticketId: string;
    scope: string;
    decider: StreamDecider<C, TicketEvent, TicketState, DomainError>;
    command: NoInfer<C>;
  },
): Promise<TicketView> {
  const { ticketId, scope, decider, command } = options;
  const outcome = await executeCommand(
    context.store,
    { stream: streams.ticket(ticketId), decider, command, context: commandContextOf(request, command.by, scope) },
    request.url,
  );
  // A command the decider accepted always leaves an existing ticket behind it.
  if (outcome.state.status === 'none') throw new Error(`Ticket ${ticketId} vanished after a command`);
  return ticketView(outcome.state, outcome.revision);
}
