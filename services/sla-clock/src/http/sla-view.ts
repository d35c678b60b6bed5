import type { ContractTerms, TargetClock, TicketSla } from '@hotline/domain';
import { z } from 'zod';
import { calendarOfTarget, runningClock } from './running-clock.ts';

const instant = (epochMs: number | null) => (epochMs === null ? null : new Date(epochMs).toISOString());
/** Minutes to the hundredth, as every duration of the API. */
export const minutes = (ms: number) => Math.round((ms / 60_000) * 100) / 100;
/** Counted time over the target's duration, in percent to the tenth. */
export const percentOf = (target: Pick<TargetClock, 'consumed'>) => Math.round(target.consumed * 1000) / 10;

/** What a countdown in service hours needs: whether the clock counts at `asOf`, and when that changes by itself. */
export const runningShape = {
  runningNow: z
    .boolean()
    .describe(
      "Whether the target's clock counts at `asOf`: running (not paused, met, breached or void) and, on a `business` basis, within the contract calendar's service hours and not on a holiday. Always true for a running target on a `calendar` basis",
    ),
  runningChangesAt: z
    .string()
    .nullable()
    .describe(
      'The next instant after `asOf` at which `runningNow` flips because of the calendar (service hours end or start, a holiday begins or ends); null when it never flips by itself (not running, or a `calendar` basis). Events such as a pause or a milestone also change it: read the view again then',
    ),
};

export const TargetSlaView = z
  .object({
    target: z.enum(['takeCharge', 'workaround', 'resolution']),
    priority: z.enum(['P1', 'P2', 'P3']),
    basis: z.enum(['business', 'calendar']),
    durationMinutes: z.number(),
    countedMinutes: z.number(),
    remainingMinutes: z.number(),
    dueAt: z.string().nullable().describe('Null while paused before the duration is reached: it moves with the pause'),
    reachedAt: z.string().nullable(),
    status: z.enum(['running', 'paused', 'met', 'breached', 'void']),
    percent: z.number().describe('Counted time over duration, in percent'),
    ...runningShape,
  })
  // One component in the OpenAPI document, referenced by a ticket's view and by the lists.
  .meta({ id: 'TargetSla', description: "One target of a ticket's SLA at `asOf`" });

export const TicketSlaView = z.object({
  ticketId: z.string(),
  coverage: z.string(),
  contractId: z.string().nullable(),
  paused: z.boolean(),
  targets: z.array(TargetSlaView),
  overrunMinutes: z.number(),
  overrunDays: z.number(),
  withinDeadlines: z.boolean().nullable(),
  asOf: z.string(),
});

/** The running fields as the API writes them. */
export function runningView(clock: { runningNow: boolean; runningChangesAt: number | null }) {
  return { runningNow: clock.runningNow, runningChangesAt: instant(clock.runningChangesAt) };
}

/**
 * One target as the API writes it, at `now`: the per-ticket view and the lists build their targets
 * here, so that a ticket reads the same wherever it is listed. `terms` are those the target comes
 * from: a target exists only under terms.
 */
export function targetSlaView(target: TargetClock, terms: ContractTerms, now: number): z.infer<typeof TargetSlaView> {
  return {
    target: target.target,
    priority: target.priority,
    basis: target.basis,
    durationMinutes: minutes(target.durationMs),
    countedMinutes: minutes(target.countedMs),
    remainingMinutes: minutes(target.remainingMs),
    dueAt: instant(target.dueAt),
    reachedAt: instant(target.reachedAt),
    status: target.status,
    percent: percentOf(target),
    ...runningView(runningClock(target, calendarOfTarget(terms, target), now)),
  };
}

export function ticketSlaView(ticketId: string, sla: TicketSla, now: number): z.infer<typeof TicketSlaView> {
  return {
    ticketId,
    coverage: sla.coverage.status,
    contractId: sla.coverage.contractId,
    paused: sla.evaluation.paused,
    // A ticket without terms has no target.
    targets: sla.evaluation.targets.map((target) => targetSlaView(target, sla.terms!, now)),
    overrunMinutes: minutes(sla.evaluation.overrunMs),
    overrunDays: sla.evaluation.overrunDays,
    withinDeadlines: sla.evaluation.withinDeadlines,
    asOf: new Date(now).toISOString(),
  };
}
