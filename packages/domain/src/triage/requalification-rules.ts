import { z } from 'zod';
import { Environment, Nature, Priority } from '../ticket/ticket-classification.ts';

/**
 * A triage rule: when a received ticket matches every condition given, its qualification changes. The
 * rule's id and description go into the requalification's reason, so anyone can see why it fired.
 */
export const RequalificationRule = z.object({
  id: z.string().trim().min(1),
  description: z.string().trim().min(1),
  when: z
    .object({
      natures: z.array(Nature).nonempty().optional(),
      priorities: z.array(Priority).nonempty().optional(),
      environments: z.array(Environment).nonempty().optional(),
      products: z.array(z.string().trim().min(1)).nonempty().optional(),
      /** Any of these words in the description (case and accents ignored). */
      keywords: z.array(z.string().trim().min(1)).nonempty().optional(),
    })
    .refine((when) => Object.keys(when).length > 0, 'a rule needs at least one condition'),
  change: z
    .object({ priority: Priority.optional(), nature: Nature.optional() })
    .refine(
      (change) => change.priority !== undefined || change.nature !== undefined,
      'a rule changes the priority or the nature',
    ),
});
export type RequalificationRule = z.infer<typeof RequalificationRule>;

export interface TriageFacts {
  readonly nature: Nature;
  readonly priority: Priority;
  readonly environment?: Environment | undefined;
  readonly product?: string | undefined;
  readonly description?: string | undefined;
}

export interface Requalification {
  readonly rule: RequalificationRule;
  readonly nature?: Nature;
  readonly priority?: Priority;
  /** For the event's `reason`: the rule that fired, in words. */
  readonly reason: string;
}

/** The hotline's default: a production outage declared P2 or P3 is a P1 (blocking, production stopped). */
export const defaultRequalificationRules: readonly RequalificationRule[] = [
  {
    id: 'production-outage-is-p1',
    description: 'Production outage declared P2 or P3 becomes P1',
    when: {
      natures: ['malfunction'],
      priorities: ['P2', 'P3'],
      environments: ['production'],
      keywords: ['bloqué', 'bloquant', 'arrêt', 'arrêtée', 'plus rien', 'outage', 'down', 'stopped', 'blocked'],
    },
    change: { priority: 'P1' },
  },
];

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

function matches(rule: RequalificationRule, facts: TriageFacts): boolean {
  const { natures, priorities, environments, products, keywords } = rule.when;
  if (natures && !natures.includes(facts.nature)) return false;
  if (priorities && !priorities.includes(facts.priority)) return false;
  if (environments && (facts.environment === undefined || !environments.includes(facts.environment))) return false;
  if (products && (facts.product === undefined || !products.includes(facts.product))) return false;
  if (keywords) {
    const description = fold(facts.description ?? '');
    if (!keywords.some((keyword) => description.includes(fold(keyword)))) return false;
  }
  return true;
}

/** The first rule that matches and changes something; rules are tried in the order given. */
export function requalificationFor(facts: TriageFacts, rules: readonly RequalificationRule[]): Requalification | null {
  for (const rule of rules) {
    if (!matches(rule, facts)) continue;
    const priority =
      rule.change.priority !== undefined && rule.change.priority !== facts.priority ? rule.change.priority : undefined;
    const nature =
      rule.change.nature !== undefined && rule.change.nature !== facts.nature ? rule.change.nature : undefined;
    if (priority === undefined && nature === undefined) continue;
    return {
      rule,
      ...(priority === undefined ? {} : { priority }),
      ...(nature === undefined ? {} : { nature }),
      reason: `Triage rule ${rule.id}: ${rule.description}`,
    };
  }
  return null;
}
