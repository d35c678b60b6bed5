import type { SkillLevel } from '../agent/agent-events.ts';

/** What triage knows of an agent when it dispatches a ticket. */
export interface AgentCandidate {
  readonly agentId: string;
  readonly active: boolean;
  readonly available: boolean;
  readonly skills: readonly { readonly product: string; readonly level: SkillLevel }[];
  /** Tickets assigned to the agent and not yet resolved. */
  readonly openTickets: number;
}

export type AgentChoice =
  | { readonly chosen: true; readonly agentId: string; readonly reason: string }
  | { readonly chosen: false; readonly reason: string };

const levelRank: Record<SkillLevel, number> = { expert: 0, confirmed: 1, basic: 2 };

/**
 * Dispatch to an active, available agent who knows the product, balancing load: the fewest open
 * tickets first, then the most skilled, then the agent id, so the choice is reproducible. When nobody
 * qualifies, the reason says why, for the alert that replaces silent waiting.
 */
export function chooseAgent(product: string, candidates: readonly AgentCandidate[]): AgentChoice {
  const skilled = candidates.flatMap((candidate) => {
    const skill = candidate.skills.find((each) => each.product === product);
    return skill === undefined || !candidate.active ? [] : [{ candidate, level: skill.level }];
  });
  if (skilled.length === 0) return { chosen: false, reason: `no agent knows ${product}` };
  const available = skilled.filter(({ candidate }) => candidate.available);
  if (available.length === 0) {
    return { chosen: false, reason: `none of the ${skilled.length} agent(s) who know ${product} is available` };
  }
  const [best] = [...available].sort(
    (a, b) =>
      a.candidate.openTickets - b.candidate.openTickets ||
      levelRank[a.level] - levelRank[b.level] ||
      a.candidate.agentId.localeCompare(b.candidate.agentId),
  );
  const { candidate, level } = best!;
  return {
    chosen: true,
    agentId: candidate.agentId,
    reason: `${level} on ${product}; ${candidate.openTickets} open ticket(s), the lightest load of ${available.length} available`,
  };
}
