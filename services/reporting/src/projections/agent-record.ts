import type { AgentEvent, AgentRole, ProductSkill } from '@hotline/domain';

/** An agent as the workload and skills views read it. */
export interface AgentRecord {
  readonly kind: 'agent';
  readonly agentId: string;
  readonly name: string;
  readonly role: AgentRole;
  readonly skills: readonly ProductSkill[];
  readonly available: boolean;
  readonly leftAt: string | null;
}

export function foldAgentRecord(record: AgentRecord | undefined, event: AgentEvent): AgentRecord {
  const current: AgentRecord = record ?? {
    kind: 'agent',
    agentId: event.agentId,
    name: event.agentId,
    role: 'agent',
    skills: [],
    available: true,
    leftAt: null,
  };
  switch (event.type) {
    case 'AgentJoined':
      return { ...current, name: event.name, role: event.role };
    case 'AgentLeft':
      return { ...current, leftAt: event.at };
    case 'SkillsDeclared':
      return { ...current, skills: event.skills };
    case 'AvailabilityChanged':
      return { ...current, available: event.availability === 'available' };
  }
}
