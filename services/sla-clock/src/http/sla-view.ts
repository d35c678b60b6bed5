import type { TicketSla } from '@hotline/domain';
import { z } from 'zod';
import { calendarOfTarget, runningClock } from './running-clock.ts';

const instant = (epochMs: number | null) => (epochMs === null ? null : new Date(epochMs).toISOString());

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

export const TargetSlaView = z.object({
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
});

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

export function ticketSlaView(ticketId: string, sla: TicketSla, now: number): z.infer<typeof TicketSlaView> {
  const minutes = (ms: number) => Math.round((ms / 60_000) * 100) / 100;
  return {
    ticketId,
    coverage: sla.coverage.status,
    contractId: sla.coverage.contractId,
    paused: sla.evaluation.paused,
    targets: sla.evaluation.targets.map((target) => ({
      target: target.target,
      priority: target.priority,
      basis: target.basis,
      durationMinutes: minutes(target.durationMs),
      countedMinutes: minutes(target.countedMs),
      remainingMinutes: minutes(target.remainingMs),
      dueAt: instant(target.dueAt),
      reachedAt: instant(target.reachedAt),
      status: target.status,
      percent: Math.round(target.consumed * 1000) / 10,
      // A target exists only under terms: a ticket without them has none.
      ...runningView(runningClock(target, calendarOfTarget(sla.terms!, target), now)),
    })),
    overrunMinutes: minutes(sla.evaluation.overrunMs),
    overrunDays: sla.evaluation.overrunDays,
    withinDeadlines: sla.evaluation.withinDeadlines,
    asOf: new Date(now).toISOString(),
  };
}
