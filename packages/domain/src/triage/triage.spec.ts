import { describe, expect, it } from 'vitest';
import { type AgentCandidate, chooseAgent } from './agent-choice.ts';
import { defaultRequalificationRules, RequalificationRule, requalificationFor } from './requalification-rules.ts';

const outage = {
  nature: 'malfunction',
  priority: 'P3',
  environment: 'production',
  product: 'ERP',
  description: 'La facturation est bloquée depuis ce matin',
} as const;

describe('requalification rules', () => {
  it('turns a production outage declared P3 into a P1, naming the rule', () => {
    expect(requalificationFor(outage, defaultRequalificationRules)).toMatchObject({
      priority: 'P1',
      reason: 'Triage rule production-outage-is-p1: Production outage declared P2 or P3 becomes P1',
    });
  });

  it('ignores accents and case in keywords', () => {
    expect(
      requalificationFor({ ...outage, description: 'PRODUCTION ARRETEE' }, defaultRequalificationRules),
    ).not.toBeNull();
  });

  it('leaves other tickets as declared', () => {
    expect(requalificationFor({ ...outage, environment: 'test' }, defaultRequalificationRules)).toBeNull();
    expect(requalificationFor({ ...outage, description: 'Slow report' }, defaultRequalificationRules)).toBeNull();
    expect(requalificationFor({ ...outage, priority: 'P1' }, defaultRequalificationRules)).toBeNull();
  });

  it('tries rules in order and skips those that would change nothing', () => {
    const rules = RequalificationRule.array().parse([
      {
        id: 'noop',
        description: 'Already functional',
        when: { natures: ['functional'] },
        change: { nature: 'functional' },
      },
      {
        id: 'how-to',
        description: 'How-to questions are functional',
        when: { keywords: ['comment'] },
        change: { nature: 'functional' },
      },
    ]);
    expect(
      requalificationFor({ nature: 'functional', priority: 'P3', description: 'comment exporter ?' }, rules),
    ).toBeNull();
    expect(
      requalificationFor({ nature: 'malfunction', priority: 'P3', description: 'Comment exporter ?' }, rules),
    ).toMatchObject({
      nature: 'functional',
    });
  });

  it('refuses a rule without condition or without effect, naming the field', () => {
    const parsed = RequalificationRule.safeParse({ id: 'x', description: 'x', when: {}, change: {} });
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['when', 'change']);
  });
});

const agent = (agentId: string, overrides: Partial<AgentCandidate> = {}): AgentCandidate => ({
  agentId,
  active: true,
  available: true,
  skills: [{ product: 'ERP', level: 'confirmed' }],
  openTickets: 0,
  ...overrides,
});

describe('choosing an agent', () => {
  it('picks the skilled available agent with the fewest open tickets', () => {
    const choice = chooseAgent('ERP', [agent('ada', { openTickets: 3 }), agent('bob', { openTickets: 1 })]);
    expect(choice).toEqual({
      chosen: true,
      agentId: 'bob',
      reason: 'confirmed on ERP; 1 open ticket(s), the lightest load of 2 available',
    });
  });

  it('prefers the most skilled on equal load, then the agent id', () => {
    const expert = agent('zoe', { skills: [{ product: 'ERP', level: 'expert' }] });
    expect(chooseAgent('ERP', [agent('ada'), expert])).toMatchObject({ agentId: 'zoe' });
    expect(chooseAgent('ERP', [agent('bob'), agent('ada')])).toMatchObject({ agentId: 'ada' });
  });

  it('never dispatches to an unavailable agent, one who left, or one who does not know the product', () => {
    const choice = chooseAgent('ERP', [
      agent('ada', { available: false }),
      agent('bob', { active: false }),
      agent('cyd', { skills: [{ product: 'CRM', level: 'expert' }] }),
    ]);
    expect(choice).toEqual({ chosen: false, reason: 'none of the 1 agent(s) who know ERP is available' });
    expect(chooseAgent('PAY', [agent('ada')])).toEqual({ chosen: false, reason: 'no agent knows PAY' });
  });
});
