import type { SlaEvaluation, TargetClock } from '@hotline/domain';
import { z } from 'zod';
import type { TicketClocks } from '../clocks/ticket-clocks.ts';
import { minutes, percentOf, runningShape, TargetSlaView, targetSlaView } from './sla-view.ts';

const ListedTicket = z.object({
  ticketId: z.string(),
  contractId: z.string().nullable(),
  clientId: z.string().nullable(),
  target: z.enum(['takeCharge', 'workaround', 'resolution']).describe('The target the ticket is listed for'),
  priority: z.enum(['P1', 'P2', 'P3']),
  dueAt: z.string(),
  percent: z.number().describe("Counted time over the target's duration, in percent"),
  ...runningShape,
  targets: z
    .array(TargetSlaView)
    .describe(
      "Every target of the ticket at `asOf`, as `GET /tickets/{ticketId}/sla` gives them: a page shows a ticket's targets without reading each ticket. The fields above repeat the listed target's, for the clients written before this list",
    ),
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

/** A listed ticket: the target it is listed for, and all its targets as the per-ticket view builds them. */
function listed(clocks: TicketClocks, ticketId: string, evaluation: SlaEvaluation, target: TargetClock, now: number) {
  const ticket = clocks.ticket(ticketId)!;
  const { contractId } = ticket;
  // Listed targets have deadlines, hence terms.
  const terms = clocks.terms(ticket)!;
  const targets = evaluation.targets.map((each) => targetSlaView(each, terms, now));
  const view = targets[evaluation.targets.indexOf(target)]!;
  return {
    ticketId,
    contractId,
    clientId: contractId === null ? null : (clocks.contract(contractId)?.clientId ?? null),
    target: view.target,
    priority: view.priority,
    dueAt: view.dueAt!,
    percent: view.percent,
    runningNow: view.runningNow,
    runningChangesAt: view.runningChangesAt,
    targets,
  };
}

/** Open tickets whose clock runs towards a due instant still ahead, the next due first. */
export function ticketsAtRisk(clocks: TicketClocks, now: number, options: ListOptions): z.infer<typeof AtRiskTicket>[] {
  const tickets: z.infer<typeof AtRiskTicket>[] = [];
  for (const { key } of clocks.due.running()) {
    if (tickets.length >= options.limit) break;
    const ticket = clocks.ticket(key);
    if (ticket === undefined) continue;
    const evaluation = clocks.evaluate(ticket, now);
    const next = evaluation.targets
      .filter((target) => target.status === 'running' && target.reachedAt === null && target.dueAt !== null)
      .sort((a, b) => a.dueAt! - b.dueAt!)[0];
    if (next === undefined || percentOf(next) < (options.minPercent ?? 0)) continue;
    tickets.push({ ...listed(clocks, key, evaluation, next, now), remainingMinutes: minutes(next.remainingMs) });
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
    const evaluation = clocks.evaluate(ticket, now);
    const breached = evaluation.targets
      .filter((target) => target.status === 'breached' && target.reachedAt === null)
      .sort((a, b) => a.dueAt! - b.dueAt!);
    const first = breached[0];
    if (first === undefined) continue;
    tickets.push({
      ...listed(clocks, key, evaluation, first, now),
      overdueMinutes: minutes(now - first.dueAt!),
      breachedTargets: breached.map((target) => target.target),
    });
  }
  return tickets;
}
