import { RequalificationRule } from '@hotline/domain';
import type { HttpServer } from '@hotline/runtime';
import { z } from 'zod';
import { AgentEntry } from '../directory/agent-entry.ts';
import type { TriageDirectories } from '../directory/triage-directories.ts';

const AgentDirectoryView = z
  .object({ agents: z.array(AgentEntry) })
  .describe('Every agent who joined the hotline, by id');

const RulesView = z
  .object({ rules: z.array(RequalificationRule) })
  .describe('The requalification rules, in the order they are tried: the first that fires wins');

/** What triage decides with, for the hotline manager to see: the agents, their skills and load, the rules. */
export function registerDirectoryRoutes(
  app: HttpServer,
  directories: TriageDirectories,
  rules: readonly RequalificationRule[],
): void {
  app.get(
    '/triage/agents',
    {
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
    '/triage/rules',
    {
      schema: {
        tags: ['triage'],
        summary: 'The requalification rules applied to received tickets',
        response: { 200: RulesView },
      },
    },
    async () => ({ rules: [...rules] }),
  );
}
