import { Nature, Priority, RequalificationRule } from '@hotline/domain';
import type { HttpServer } from '@hotline/runtime';
import { z } from 'zod';
import { AgentEntry } from '../directory/agent-entry.ts';
import type { TriageDirectories } from '../directory/triage-directories.ts';

const AgentDirectoryView = z
  .object({ agents: z.array(AgentEntry) })
  .describe('Every agent who joined the hotline, by id');

const WaitingView = z
  .object({
    tickets: z.array(
      z.object({
        ticketId: z.string(),
        clientId: z.string().optional(),
        product: z.string(),
        nature: Nature,
        priority: Priority,
        receivedAt: z.string(),
      }),
    ),
  })
  .describe('Complete requests nobody holds yet, oldest first: those nobody could take were alerted on');

const RulesView = z
  .object({ rules: z.array(RequalificationRule) })
  .describe('The requalification rules, in the order they are tried: the first that fires wins');

/** What triage decides with, for the hotline manager to see: the agents, their skills and load, the waiting tickets, the rules. */
export function registerDirectoryRoutes(
  app: HttpServer,
  directories: TriageDirectories,
  rules: readonly RequalificationRule[],
): void {
  app.get(
    '/triage/agents',
    {
      config: { access: { roles: ['agent', 'manager'] } },
      schema: {
        tags: ['triage'],
        summary: 'The agents triage dispatches to: skills, availability, load',
        response: { 200: AgentDirectoryView },
      },
    },
    async () => {
      await directories.caughtUp();
      return { agents: directories.agents.entries() };
    },
  );

  app.get(
    '/triage/waiting',
    {
      config: { access: { roles: ['agent', 'manager'] } },
      schema: {
        tags: ['triage'],
        summary: 'Tickets waiting for an agent',
        description:
          'Complete requests not assigned yet. Nobody could take them when they came (an alert was raised), or their triage is under way; they go to the first agent who comes back or learns their product.',
        response: { 200: WaitingView },
      },
    },
    async () => {
      await directories.caughtUp();
      const tickets = directories.agents.waitingTickets().map((ticket) => ({
        ticketId: ticket.ticketId,
        ...(ticket.clientId === undefined ? {} : { clientId: ticket.clientId }),
        product: ticket.product,
        nature: ticket.nature,
        priority: ticket.priority,
        receivedAt: ticket.receivedAt,
      }));
      return { tickets };
    },
  );

  app.get(
    '/triage/rules',
    {
      config: { access: { roles: ['agent', 'manager', 'auditor'] } },
      schema: {
        tags: ['triage'],
        summary: 'The requalification rules applied to received tickets',
        response: { 200: RulesView },
      },
    },
    async () => ({ rules: [...rules] }),
  );
}
