import type { Environment, Nature, Priority, SlaTargetName, TargetClock, TicketStatus } from '@hotline/domain';
import type { ReportingView, TicketEntry } from './reporting-view.ts';
import type { Judgement } from './ticket-judgement.ts';

export type SlaStanding = 'met' | 'breached' | 'at_risk' | 'on_track' | 'no_deadline';

export interface TicketFilters {
  readonly clientId?: string | undefined;
  readonly product?: string | undefined;
  readonly nature?: Nature | undefined;
  readonly priority?: Priority | undefined;
  readonly environment?: Environment | undefined;
  readonly status?: readonly TicketStatus[] | undefined;
  readonly agent?: string | undefined;
  readonly coverage?: string | undefined;
  readonly contractId?: string | undefined;
  readonly receivedFrom?: number | undefined;
  readonly receivedTo?: number | undefined;
  readonly resolvedFrom?: number | undefined;
  readonly resolvedTo?: number | undefined;
  readonly sla?: SlaStanding | undefined;
}

export interface TargetRow {
  readonly status: TargetClock['status'];
  readonly dueAt: number | null;
  readonly reachedAt: number | null;
}

export interface TicketRow {
  readonly ticketId: string;
  readonly clientId: string | null;
  readonly product: string | null;
  readonly nature: Nature;
  readonly priority: Priority;
  readonly environment: Environment | null;
  readonly status: TicketStatus;
  readonly coverage: string;
  readonly contractId: string | null;
  readonly assignee: string | null;
  readonly receivedAt: number;
  readonly resolvedAt: number | null;
  readonly closedAt: number | null;
  readonly reopenCount: number;
  readonly targets: Readonly<Partial<Record<SlaTargetName, TargetRow>>>;
  readonly sla: SlaStanding;
  readonly nextDueAt: number | null;
  readonly overrunDays: number;
  readonly withinDeadlines: boolean | null;
  readonly penaltyCents: number;
}

export interface Page<T> {
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  readonly items: readonly T[];
}

/** Where a ticket stands against its deadlines at `now`; at risk once a warning threshold has passed. */
export function slaStanding(judgement: Judgement, now: number): SlaStanding {
  const { targets } = judgement.sla.evaluation;
  if (targets.length === 0) return 'no_deadline';
  if (targets.some((target) => target.status === 'breached')) return 'breached';
  // Loops rather than filtered copies: the at-risk filter asks this of every open ticket.
  let open = false;
  for (const target of targets) {
    if (target.reachedAt !== null || target.status === 'void') continue;
    open = true;
    for (const crossing of target.crossings) {
      if (crossing.threshold < 1 && crossing.at !== null && crossing.at <= now) return 'at_risk';
    }
  }
  return open ? 'on_track' : 'met';
}

/** The next due instant among the targets not reached yet (null when paused or none is ahead). */
export function nextDueAt(judgement: Judgement, now: number): number | null {
  let next: number | null = null;
  for (const target of judgement.sla.evaluation.targets) {
    if (target.reachedAt !== null || target.status === 'void' || target.dueAt === null || target.dueAt < now) continue;
    if (next === null || target.dueAt < next) next = target.dueAt;
  }
  return next;
}

export function ticketRow(entry: TicketEntry, judgement: Judgement, now: number): TicketRow {
  const { ticket, closedAt } = entry.record;
  const targets: Partial<Record<SlaTargetName, TargetRow>> = {};
  for (const target of judgement.sla.evaluation.targets) {
    targets[target.target] = { status: target.status, dueAt: target.dueAt, reachedAt: target.reachedAt };
  }
  return {
    ticketId: ticket.ticketId,
    clientId: ticket.clientId ?? null,
    product: ticket.product ?? null,
    nature: ticket.nature,
    priority: ticket.priority,
    environment: ticket.environment ?? null,
    status: ticket.status,
    coverage: ticket.coverage.status,
    contractId: ticket.coverage.contractId,
    assignee: ticket.assignee ?? null,
    receivedAt: entry.receivedAt,
    resolvedAt: judgement.outcome.resolvedAt,
    closedAt,
    reopenCount: ticket.reopenCount,
    targets,
    sla: slaStanding(judgement, now),
    nextDueAt: nextDueAt(judgement, now),
    overrunDays: judgement.outcome.overrunDays,
    withinDeadlines: judgement.outcome.withinDeadlines,
    penaltyCents: judgement.penalty.amountCents,
  };
}

const OPEN: ReadonlySet<TicketStatus> = new Set([
  'received',
  'awaiting_information',
  'taken_charge',
  'in_progress',
  'awaiting_customer',
  'workaround_provided',
]);

const within = (at: number | null, from: number | undefined, to: number | undefined) =>
  (from === undefined || (at !== null && at >= from)) && (to === undefined || (at !== null && at < to));

/** The filters that read the record only, checked before anything is judged. */
function matchesRecord(entry: TicketEntry, filters: TicketFilters): boolean {
  const { ticket } = entry.record;
  if (filters.clientId !== undefined && ticket.clientId !== filters.clientId) return false;
  if (filters.product !== undefined && ticket.product !== filters.product) return false;
  if (filters.nature !== undefined && ticket.nature !== filters.nature) return false;
  if (filters.priority !== undefined && ticket.priority !== filters.priority) return false;
  if (filters.environment !== undefined && ticket.environment !== filters.environment) return false;
  if (filters.status !== undefined && filters.status.length > 0 && !filters.status.includes(ticket.status))
    return false;
  if (filters.agent !== undefined && ticket.assignee !== filters.agent) return false;
  if (filters.coverage !== undefined && ticket.coverage.status !== filters.coverage) return false;
  if (filters.contractId !== undefined && ticket.coverage.contractId !== filters.contractId) return false;
  if (!within(entry.receivedAt, filters.receivedFrom, filters.receivedTo)) return false;
  if (filters.resolvedFrom !== undefined || filters.resolvedTo !== undefined) {
    const resolution = ticket.milestones.resolution;
    if (!within(resolution === undefined ? null : Date.parse(resolution), filters.resolvedFrom, filters.resolvedTo))
      return false;
  }
  return true;
}

/** Tickets matching the filters, latest reception first; only the page's tickets are judged unless an SLA filter asks. */
export function listTickets(
  view: ReportingView,
  filters: TicketFilters,
  now: number,
  page: { offset: number; limit: number },
): Page<TicketRow> {
  const items: TicketRow[] = [];
  let total = 0;
  // Only an open ticket can be at risk or on track, or in an open status: the others need not be looked at.
  const openOnly =
    filters.sla === 'at_risk' ||
    filters.sla === 'on_track' ||
    (filters.status !== undefined && filters.status.length > 0 && filters.status.every((status) => OPEN.has(status)));
  // An open ticket's reading serves the SLA filter: its standing stands until it lapses.
  const tallies = filters.sla === undefined ? undefined : view.tallies(now);
  const sla = filters.sla;
  const candidates =
    filters.clientId !== undefined
      ? view.latestFirst(openOnly ? (ticketId) => view.open.has(ticketId) : undefined, { clientId: filters.clientId })
      : openOnly
        ? view.openLatestFirst(
            tallies === undefined || sla === undefined ? undefined : (ticketId) => tallies.mayStand(ticketId, sla),
          )
        : view.latestFirst();
  // Without any filter, the count is known: only the page is read.
  const unfiltered = Object.values(filters).every((value) => value === undefined);
  for (const entry of candidates) {
    if (!matchesRecord(entry, filters)) continue;
    let judgement: Judgement | undefined;
    if (tallies !== undefined) {
      // The reading's standing serves; a ticket without one is judged, once for both uses.
      let standing = tallies.readingOf(entry.record.ticket.ticketId)?.standing;
      if (standing === undefined) {
        judgement = view.judge(entry, now);
        standing = slaStanding(judgement, now);
      }
      if (standing !== filters.sla) continue;
    }
    if (total >= page.offset && items.length < page.limit) {
      items.push(ticketRow(entry, judgement ?? view.judge(entry, now), now));
    }
    total++;
    if (unfiltered && items.length >= page.limit)
      return { total: view.tickets.size, offset: page.offset, limit: page.limit, items };
  }
  return { total, offset: page.offset, limit: page.limit, items };
}
