import type { TargetClock } from '@hotline/domain';
import { z } from 'zod';
import type { TicketClocks } from '../clocks/ticket-clocks.ts';
import { calendarOfTarget, runningClock } from './running-clock.ts';
import { runningShape, runningView } from './sla-view.ts';

const minutes = (ms: number) => Math.round((ms / 60_000) * 100) / 100;
const percentOf = (target: TargetClock) => Math.round(target.consumed * 1000) / 10;

const ListedTicket = z.object({
  ticketId: z.string(),
  contractId: z.string().nullable(),
  clientId: z.string().nullable(),
  target: z.enum(['takeCharge', 'workaround', 'resolution']),
  priority: z.enum(['P1', 'P2', 'P3']),
  dueAt: z.string(),
  percent: z.number().describe("Counted time over the target's duration, in percent"),
  ...runningShape,
});

export const AtRiskTicket = ListedTicket.extend({ remainingMinutes: z.number() });
export const BreachedTicket = ListedTicket.extend({
  overdueMinutes: z.number(),
  breachedTargets: z.array(z.enum(['takeCharge', 'workaround', 'resolution'])),
});
export const AtRiskList = z.object({ asOf: z.string(), tickets: z.array(AtRiskTicket) });
export const BreachedList = z.object({ asOf: z.string(), tickets: z.array(BreachedTicket) });

export interface ListOptions {
  readonly limit: number;
  /** Only targets that consumed at least this share of their duration, in percent. */
  readonly minPercent?: number;
}

function listed(clocks: TicketClocks, ticketId: string, target: TargetClock, now: number) {
  const ticket = clocks.ticket(ticketId)!;
  const { contractId } = ticket;
  return {
    ticketId,
    contractId,
    clientId: contractId === null ? null : (clocks.contract(contractId)?.clientId ?? null),
    target: target.target,
    priority: target.priority,
    dueAt: new Date(target.dueAt!).toISOString(),
    percent: percentOf(target),
    // Listed targets have deadlines, hence terms.
    ...runningView(runningClock(target, calendarOfTarget(clocks.terms(ticket)!, target), now)),
  };
}

/** Open tickets whose clock runs towards a due instant still ahead, the next due first. */
export function ticketsAtRisk(clocks: TicketClocks, now: number, options: ListOptions): z.infer<typeof AtRiskTicket>[] {
  const tickets: z.infer<typeof AtRiskTicket>[] = [];
  for (const { key } of clocks.due.running()) {
    if (tickets.length >= options.limit) break;
    const ticket = clocks.ticket(key);
    if (ticket === undefined) continue;
    const next = clocks
      .evaluate(ticket, now)
      .targets.filter((target) => target.status === 'running' && target.reachedAt === null && target.dueAt !== null)
      .sort((a, b) => a.dueAt! - b.dueAt!)[0];
    if (next === undefined || percentOf(next) < (options.minPercent ?? 0)) continue;
    tickets.push({ ...listed(clocks, key, next, now), remainingMinutes: minutes(next.remainingMs) });
  }
  return tickets;
}

/** Open tickets with a target past due and its milestone not reached, the longest overdue first. */
export function breachedTickets(
  clocks: TicketClocks,
  now: number,
  options: ListOptions,
): z.infer<typeof BreachedTicket>[] {
  const tickets: z.infer<typeof BreachedTicket>[] = [];
  for (const { key } of clocks.due.breached(now)) {
    if (tickets.length >= options.limit) break;
    const ticket = clocks.ticket(key);
    if (ticket === undefined) continue;
    const breached = clocks
      .evaluate(ticket, now)
      .targets.filter((target) => target.status === 'breached' && target.reachedAt === null)
      .sort((a, b) => a.dueAt! - b.dueAt!);
    const first = breached[0];
    if (first === undefined) continue;
    tickets.push({
      ...listed(clocks, key, first, now),
      overdueMinutes: minutes(now - first.dueAt!),
      breachedTargets: breached.map((target) => target.target),
    });
  }
  return tickets;
}
