import { z } from 'zod';
import { eventFactory, eventSchema } from '../schema/event-schema.ts';
import { ActorId, AmountCents } from '../schema/primitives.ts';
import { Instant } from '../shared/time.ts';
import { Priority } from '../ticket/ticket-classification.ts';

/**
 * DOMAIN.md's five yearly indicators. The first two are rates to reach (a percentage, at least); the
 * others are amounts not to exceed (days, tickets, clients, at most).
 */
export const Indicator = z.enum([
  'malfunctions_within_deadlines',
  'functional_within_deadlines',
  'production_overrun_days',
  'production_overruns_over_30_days',
  'clients_claiming_penalties',
]);
export type Indicator = z.infer<typeof Indicator>;

export const rateIndicators: readonly Indicator[] = ['malfunctions_within_deadlines', 'functional_within_deadlines'];

/** Without `priority`, the target is for all priorities together. */
export const IndicatorTarget = z.object({
  indicator: Indicator,
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
