import { z } from 'zod';
import type { PriorityIndicators } from '../indicators/indicators.ts';
import { eventFactory, eventSchema } from '../schema/event-schema.ts';
import { ActorId, AmountCents } from '../schema/primitives.ts';
import { Instant } from '../shared/time.ts';
import { Priority } from '../ticket/ticket-classification.ts';

/**
 * DOMAIN.md's five yearly indicators, named as the reporting computes them (`PriorityIndicators`), so
 * a report compares each to its target key by key. The first two are rates to reach (a percentage of
 * tickets within deadlines, at least); the others are amounts not to exceed (days, tickets, clients).
 */
export const IndicatorName = z.enum([
  'malfunctions',
  'functional',
  'productionOverrunDays',
  'productionOverThirtyDays',
  'claimingClients',
]);
export type IndicatorName = z.infer<typeof IndicatorName>;

const _namedAsReported: readonly (keyof PriorityIndicators)[] = IndicatorName.options;

export const rateIndicators: readonly IndicatorName[] = ['malfunctions', 'functional'];

/** Without `priority`, the target is for all priorities together. */
export const IndicatorTarget = z.object({
  indicator: IndicatorName,
  priority: Priority.optional(),
  value: z.number().nonnegative(),
});
export type IndicatorTarget = z.infer<typeof IndicatorTarget>;

/** Setting them again during the year revises them; the last one set counts. */
export const AnnualObjectivesSet = eventSchema('AnnualObjectivesSet', 1, {
  year: z.number().int().min(2000).max(2100),
  targets: z.array(IndicatorTarget),
  penaltyBudgetCents: AmountCents,
  by: ActorId,
  at: Instant,
});
export type AnnualObjectivesSet = z.infer<typeof AnnualObjectivesSet>;

export const objectivesEventSchemas = [AnnualObjectivesSet] as const;
export const ObjectivesEvent = z.discriminatedUnion('type', objectivesEventSchemas);
export type ObjectivesEvent = z.infer<typeof ObjectivesEvent>;
export const objectivesEvent = eventFactory<ObjectivesEvent>(objectivesEventSchemas);
