import { describe, it } from 'vitest';
import { specify } from '../../test/given-when-then.ts';
import { AgentCommand } from './agent-commands.ts';
import { agentDecider } from './agent-decider.ts';
import { AgentEvent, agentEvent } from './agent-events.ts';

const { given } = specify(agentDecider, { commands: AgentCommand, events: AgentEvent });
const at = '2026-01-05T09:00:00+01:00';
const later = '2026-03-02T09:00:00+01:00';
const ids = { agentId: 'agent-ada', by: 'manager-max' };
const joined = agentEvent('AgentJoined', { ...ids, name: 'Ada', role: 'agent', at });
const left: AgentEvent = agentEvent('AgentLeft', { ...ids, at: later });

describe('agents', () => {
  it('an agent joins the hotline', () => {
    given([])
      .when({ type: 'RegisterAgent', ...ids, name: 'Ada', role: 'agent', at })
      .then([joined]);
  });

  it('an active agent does not join twice', () => {
    given([joined])
      .when({ type: 'RegisterAgent', ...ids, name: 'Ada', role: 'agent', at })
      .thenRefused('agent.already_joined');
  });

  it('an agent leaves once', () => {
    given([joined])
      .when({ type: 'RecordAgentDeparture', ...ids, at: later })
      .then([left]);
    given([joined, left])
      .when({ type: 'RecordAgentDeparture', ...ids, at: later })
      .thenRefused('agent.already_left');
  });

  it('skills are declared per product, each product once', () => {
    const skills = [
      { product: 'ERP', level: 'expert' },
      { product: 'CRM', level: 'basic' },
    ] as const;
    given([joined])
      .when({ type: 'DeclareSkills', ...ids, skills: [...skills], at: later })
      .then([agentEvent('SkillsDeclared', { ...ids, skills: [...skills], at: later })]);
    given([joined])
      .when({ type: 'DeclareSkills', ...ids, skills: [skills[0], skills[0]], at: later })
      .thenRefused('agent.duplicate_skill');
  });

  it('an agent who left declares no skill', () => {
    given([joined, left])
      .when({ type: 'DeclareSkills', ...ids, skills: [], at: later })
      .thenRefused('agent.left');
  });

  it('availability changes, and only when it changes', () => {
    const away = { availability: 'unavailable', reason: 'training', until: '2026-03-06T18:00:00+01:00' } as const;
    given([joined])
      .when({ type: 'ChangeAvailability', ...ids, ...away, at: later })
      .then([agentEvent('AvailabilityChanged', { ...ids, ...away, at: later })]);
    given([joined])
      .when({ type: 'ChangeAvailability', ...ids, availability: 'available', at: later })
      .thenRefused('agent.availability_unchanged');
  });

  it('an unknown agent is refused', () => {
    given([])
      .when({ type: 'RecordAgentDeparture', ...ids, at })
      .thenRefused('agent.not_found');
  });
});

describe('skills gained by training', () => {
  const erpBasic = agentEvent('SkillsDeclared', {
    ...ids,
    skills: [
      { product: 'ERP', level: 'basic' },
      { product: 'CRM', level: 'expert' },
    ],
    at,
  });
  const training = { ...ids, trainingId: 'TR-1', at: later } as const;

  it('a training raises the skill on its product, keeping the others', () => {
    given([joined, erpBasic])
      .when({ type: 'AcquireSkill', ...training, product: 'ERP', level: 'confirmed' })
      .then([
        agentEvent('SkillsDeclared', {
          ...training,
          skills: [
            { product: 'ERP', level: 'confirmed' },
            { product: 'CRM', level: 'expert' },
          ],
        }),
      ]);
    given([joined])
      .when({ type: 'AcquireSkill', ...training, product: 'HR', level: 'basic' })
      .then([agentEvent('SkillsDeclared', { ...training, skills: [{ product: 'HR', level: 'basic' }] })]);
  });

  it('never lowers a skill: an agent already as skilled records nothing', () => {
    given([joined, erpBasic])
      .when({ type: 'AcquireSkill', ...training, product: 'CRM', level: 'basic' })
      .then([]);
  });

  it('an agent who left gains nothing', () => {
    given([joined, left])
      .when({ type: 'AcquireSkill', ...training, product: 'ERP', level: 'basic' })
      .thenRefused('agent.left');
  });
});
