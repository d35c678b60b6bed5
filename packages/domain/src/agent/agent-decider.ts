import { type DomainError, domainError } from '../shared/domain-error.ts';
import { assertNever, err, ok, type Result } from '../shared/result.ts';
import { toEpochMs } from '../shared/time.ts';
import type { AcquireSkill, AgentCommand } from './agent-commands.ts';
import {
  type AgentEvent,
  type AgentRole,
  type Availability,
  agentEvent,
  type SkillLevel,
  skillRank,
} from './agent-events.ts';

export interface Agent {
  readonly status: 'active' | 'left';
  readonly agentId: string;
  readonly name: string;
  readonly role: AgentRole;
  readonly skills: Readonly<Record<string, SkillLevel>>;
  readonly availability: Availability;
}

export type AgentState = { readonly status: 'none' } | Agent;

export const initialAgentState: AgentState = { status: 'none' };

type Decision = Result<AgentEvent[], DomainError>;

function refuse(code: string, command: AgentCommand, why: string): Decision {
  return err(
    domainError(code, `Cannot ${command.type} for agent ${command.agentId}: ${why}`, { agentId: command.agentId }),
  );
}

/** A former agent may join again (a return from another team); an active one joins once. */
export function decideAgent(command: AgentCommand, state: AgentState): Decision {
  if (command.type === 'RegisterAgent') {
    if (state.status === 'active') return refuse('agent.already_joined', command, 'the agent is already active');
    const { type: _type, ...joined } = command;
    return ok([agentEvent('AgentJoined', joined)]);
  }
  if (state.status === 'none') return refuse('agent.not_found', command, 'the agent never joined');
  if (state.status === 'left') {
    const code = command.type === 'RecordAgentDeparture' ? 'agent.already_left' : 'agent.left';
    return refuse(code, command, 'the agent has left');
  }
  switch (command.type) {
    case 'RecordAgentDeparture': {
      const { type: _type, ...left } = command;
      return ok([agentEvent('AgentLeft', left)]);
    }
    case 'DeclareSkills': {
      const products = command.skills.map((skill) => skill.product);
      const twice = products.find((product, index) => products.indexOf(product) !== index);
      if (twice !== undefined) return refuse('agent.duplicate_skill', command, `${twice} is declared twice`);
      const { type: _type, ...declared } = command;
      return ok([agentEvent('SkillsDeclared', declared)]);
    }
    case 'ChangeAvailability': {
      if (command.availability === state.availability) {
        return refuse('agent.availability_unchanged', command, `the agent is already ${state.availability}`);
      }
      if (command.until !== undefined && toEpochMs(command.until) <= toEpochMs(command.at)) {
        return refuse('agent.until_in_past', command, `${command.until} is not after ${command.at}`);
      }
      const { type: _type, ...changed } = command;
      return ok([agentEvent('AvailabilityChanged', changed)]);
    }
    case 'AcquireSkill':
      return acquireSkill(command, state);
    default:
      return assertNever(command);
  }
}

/**
 * The skill set with the trained product raised to the training's level, as one `SkillsDeclared`:
 * assignment and reporting read that event already, so a training needs no new reader. Nothing is
 * recorded when the agent already holds the level or more (a replayed completion changes nothing).
 */
function acquireSkill(command: AcquireSkill, agent: Agent): Decision {
  const held = agent.skills[command.product];
  if (held !== undefined && skillRank[held] >= skillRank[command.level]) return ok([]);
  const skills = Object.entries({ ...agent.skills, [command.product]: command.level }).map(([product, level]) => ({
    product,
    level,
  }));
  const { agentId, trainingId, by, at } = command;
  return ok([agentEvent('SkillsDeclared', { agentId, skills, trainingId, by, at })]);
}

export function evolveAgent(state: AgentState, event: AgentEvent): AgentState {
  switch (event.type) {
    case 'AgentJoined': {
      const { agentId, name, role } = event;
      return { status: 'active', agentId, name, role, skills: {}, availability: 'available' };
    }
    case 'AgentLeft':
      return state.status === 'none' ? state : { ...state, status: 'left' };
    case 'SkillsDeclared': {
      const skills = Object.fromEntries(event.skills.map((skill) => [skill.product, skill.level]));
      return state.status === 'none' ? state : { ...state, skills };
    }
    case 'AvailabilityChanged':
      return state.status === 'none' ? state : { ...state, availability: event.availability };
    default:
      return assertNever(event);
  }
}

export const agentDecider = { decide: decideAgent, evolve: evolveAgent, initialState: initialAgentState } as const;
