import { AgentRole, Availability, ProductSkill } from '@hotline/domain';
import { z } from 'zod';

/** An agent as the hotline manager sees the dispatch: who knows what, who is there, who carries what. */
export const AgentEntry = z
  .object({
    agentId: z.string(),
    name: z.string(),
    role: AgentRole,
    active: z.boolean().describe('False once the agent has left the hotline'),
    availability: Availability,
    skills: z.array(ProductSkill),
    openTickets: z.number().int().describe('Tickets assigned to the agent and not yet resolved: the load'),
    tickets: z.array(z.string()).describe('Those tickets, by id'),
  })
  .describe('An agent in the triage directory');
export type AgentEntry = z.infer<typeof AgentEntry>;
