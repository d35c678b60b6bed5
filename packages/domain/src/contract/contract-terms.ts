import { z } from 'zod';
import { CalendarDefinition } from '../calendar/index.ts';
import { LocalDate } from '../shared/time.ts';
import { Nature, Priority } from '../ticket/ticket-classification.ts';

export const ContractKind = z.enum(['maintenance', 'helpline']);
export type ContractKind = z.infer<typeof ContractKind>;

/** The natures that carry deadlines: maintenance covers malfunctions, helpline covers functional requests. */
export const NatureWithDeadline = Nature.extract(['malfunction', 'functional']);
export type NatureWithDeadline = z.infer<typeof NatureWithDeadline>;

export const SlaTargetName = z.enum(['takeCharge', 'workaround', 'resolution']);
export type SlaTargetName = z.infer<typeof SlaTargetName>;

/** `business`: only the calendar's service hours count; `calendar`: every minute counts (24/7). */
export const TimeBasis = z.enum(['business', 'calendar']);
export type TimeBasis = z.infer<typeof TimeBasis>;

export const SlaTarget = z.object({
  nature: NatureWithDeadline,
  priority: Priority,
  target: SlaTargetName,
  durationMinutes: z.number().int().positive(),
  basis: TimeBasis,
});
export type SlaTarget = z.infer<typeof SlaTarget>;

/** A percentage as a contract writes it (0.5 means 0.5 %); four decimals at most, so it converts exactly to parts per million. */
export const Percent = z.number().min(0).max(100).multipleOf(0.0001);

export const PenaltyRate = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fixed'), priority: Priority, amountCentsPerDay: z.number().int().nonnegative() }),
  z.object({ kind: z.literal('percentOfFee'), priority: Priority, percentPerDay: Percent }),
]);
export type PenaltyRate = z.infer<typeof PenaltyRate>;

export const PenaltyClause = z.object({
  /** One rate per priority at most; a priority without a rate carries no penalty. */
  rates: z.array(PenaltyRate).refine((rates) => new Set(rates.map((rate) => rate.priority)).size === rates.length, {
    message: 'one rate per priority',
  }),
  perTicketCapPercent: Percent,
  perYearCapPercent: Percent,
  natures: z.array(NatureWithDeadline).nonempty().default(['malfunction']),
});
export type PenaltyClause = z.infer<typeof PenaltyClause>;

/** Everything a contract says that the SLA, coverage and penalty rules read. Amendments replace it as a whole. */
export const ContractTerms = z
  .object({
    kinds: z.array(ContractKind).nonempty(),
    products: z.array(z.string().min(1)).nonempty(),
    maintenanceStartsOn: LocalDate,
    endsOn: LocalDate.nullable().default(null),
    annualFeeCents: z.number().int().nonnegative(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'an ISO 4217 code')
      .default('EUR'),
    calendar: CalendarDefinition.prefault({}),
    slaTargets: z.array(SlaTarget),
    /** Shares of a target's duration at which a warning is raised; the breach (1) is always raised. */
    warningThresholds: z.array(z.number().gt(0).lt(1)).default([0.75, 0.9]),
    reopenWindowDays: z.number().int().nonnegative().default(10),
    penaltyClause: PenaltyClause.nullable().default(null),
  })
  .superRefine((terms, context) => {
    const seen = new Set<string>();
    terms.slaTargets.forEach((target, index) => {
      const key = `${target.nature}/${target.priority}/${target.target}`;
      if (seen.has(key))
        context.addIssue({ code: 'custom', path: ['slaTargets', index], message: `duplicate target ${key}` });
      seen.add(key);
    });
    if (terms.endsOn !== null && terms.endsOn < terms.maintenanceStartsOn) {
      context.addIssue({ code: 'custom', path: ['endsOn'], message: 'ends before maintenance starts' });
    }
  });
export type ContractTerms = z.infer<typeof ContractTerms>;
export type ContractTermsInput = z.input<typeof ContractTerms>;

export function findTarget(
  terms: ContractTerms,
  nature: NatureWithDeadline,
  priority: Priority,
  target: SlaTargetName,
): SlaTarget | undefined {
  return terms.slaTargets.find(
    (each) => each.nature === nature && each.priority === priority && each.target === target,
  );
}
