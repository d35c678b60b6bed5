import {
  civilMonth,
  contractYearOf,
  type Indicators,
  indicatorsFor,
  type Period,
  type SlaTargetName,
  type TicketOutcome,
} from '@hotline/domain';
import type { TicketRecord } from '../../src/projections/ticket-record.ts';
import type { BacklogPoint, VolumeRow } from '../../src/queries/activity-queries.ts';
import { dimensionsOf, type IndicatorFilters, matchesFilters } from '../../src/queries/indicator-cube.ts';
import type { Scope } from '../../src/queries/indicator-queries.ts';
import { type FaqCandidates, LATEST_TICKETS, problemKey } from '../../src/queries/knowledge-queries.ts';
import { byOverrun, type OverrunOptions, type OverrunRow, overrunOf } from '../../src/queries/overrun-queries.ts';
import type { ClaimingClient } from '../../src/queries/penalty-queries.ts';
import { type Accrual, type ContractYearPenalties, yearPenalties } from '../../src/queries/penalty-queries.ts';
import { civilYearOf } from '../../src/queries/periods.ts';
import type { ClientProcessingTimes } from '../../src/queries/processing-time-queries.ts';
import type { ReportingView, TicketEntry } from '../../src/queries/reporting-view.ts';
import { median, percentile, rate } from '../../src/queries/statistics.ts';
import type { ProductWorkload, WorkloadThresholds } from '../../src/queries/workload-queries.ts';

// The views as they were before the tallies: every ticket judged at the query's `now`. The tallies
// must answer exactly as these do, whatever happened in between.

const inPeriod = (period: Period, at: number) => period.start <= at && at < period.end;

export function scannedIndicators(
  view: ReportingView,
  period: Period,
  now: number,
  filters: IndicatorFilters = {},
): Indicators {
  const outcomes: TicketOutcome[] = [];
  for (const entry of view.tickets.values()) {
    if (!matchesFilters(dimensionsOf(entry.record.ticket), filters)) continue;
    // As before: only the tickets that may count in the period are judged.
    const mayCount =
      (entry.resolvedAt !== null && inPeriod(period, entry.resolvedAt)) ||
      (entry.resolvedAt === null && inPeriod(period, now)) ||
      inPeriod(period, entry.receivedAt) ||
      entry.record.claims.some((claim) => inPeriod(period, claim.claimedAt));
    if (mayCount) outcomes.push(view.judge(entry, now).outcome);
  }
  return indicatorsFor(period, outcomes, now);
}

export function scannedOverruns(
  view: ReportingView,
  period: Period,
  now: number,
  scope: Scope = {},
  options: OverrunOptions = {},
): OverrunRow[] {
  const rows: OverrunRow[] = [];
  for (const entry of view.tickets.values()) {
    if (scope.clientId !== undefined && entry.record.ticket.clientId !== scope.clientId) continue;
    if (entry.record.ticket.coverage.status !== 'covered' || !inPeriod(period, entry.resolvedAt ?? now)) continue;
    const row = overrunOf(entry, view.judge(entry, now));
    if (row === null || !inPeriod(period, row.resolvedAt ?? now)) continue;
    if (options.production && row.environment !== 'production') continue;
    if (options.overThirtyDays && row.overrunMs <= 30 * 86_400_000) continue;
    rows.push(row);
  }
  return rows.sort(byOverrun);
}

export function scannedPenalties(view: ReportingView, now: number, scope: Scope = {}): ContractYearPenalties[] {
  const groups = new Map<string, Accrual[]>();
  for (const entry of view.tickets.values()) {
    const { ticket } = entry.record;
    const contractId = ticket.coverage.contractId;
    if (ticket.coverage.status !== 'covered' || contractId === null) continue;
    if (scope.clientId !== undefined && ticket.clientId !== scope.clientId) continue;
    const judgement = view.judge(entry, now);
    if (judgement.outcome.withdrawn || judgement.sla.terms === null) continue;
    if (!judgement.penalty.applies && entry.record.claims.length === 0) continue;
    const accruedAt = judgement.outcome.resolvedAt ?? now;
    const year = contractYearOf(judgement.sla.terms, accruedAt);
    const key = `${contractId}\u0000${year.index}`;
    groups.set(key, [...(groups.get(key) ?? []), { entry, judgement, accruedAt, year }]);
  }
  const result: ContractYearPenalties[] = [];
  for (const accruals of groups.values()) {
    const contract = view.contracts.get(accruals[0]!.entry.record.ticket.coverage.contractId!);
    if (contract !== undefined) result.push(yearPenalties(contract, accruals[0]!.year, accruals));
  }
  return result.sort((a, b) => a.contractId.localeCompare(b.contractId) || a.contractYear.index - b.contractYear.index);
}

/** Processing times as they were before the samples were kept: every ticket of the period judged (from the cache). */
export function scannedProcessingTimes(view: ReportingView, period: Period, now: number): ClientProcessingTimes[] {
  type Sample = { elapsed: number[]; counted: number[]; met: number; breached: number };
  const empty = (): Sample => ({ elapsed: [], counted: [], met: 0, breached: 0 });
  const byClient = new Map<string, { takeCharge: Sample; resolution: Sample }>();
  for (const entry of view.tickets.values()) {
    const { ticket } = entry.record;
    if (ticket.clientId === undefined) continue;
    if (ticket.status === 'rejected' || ticket.status === 'cancelled') continue;
    const takenAt = ticket.milestones.takeCharge === undefined ? null : Date.parse(ticket.milestones.takeCharge);
    const takenIn = takenAt !== null && inPeriod(period, takenAt);
    const resolvedIn = entry.resolvedAt !== null && inPeriod(period, entry.resolvedAt);
    if (!takenIn && !resolvedIn) continue;
    const samples = byClient.get(ticket.clientId) ?? { takeCharge: empty(), resolution: empty() };
    byClient.set(ticket.clientId, samples);
    const targets = view.judge(entry, now).sla.evaluation.targets;
    const add = (sample: Sample, name: SlaTargetName, reachedAt: number) => {
      sample.elapsed.push(reachedAt - entry.receivedAt);
      const target = targets.find((each) => each.target === name);
      if (target === undefined) return;
      sample.counted.push(target.countedMs);
      if (target.status === 'met') sample.met++;
      if (target.status === 'breached') sample.breached++;
    };
    if (takenIn) add(samples.takeCharge, 'takeCharge', takenAt);
    if (resolvedIn) add(samples.resolution, 'resolution', entry.resolvedAt!);
  }
  const statistics = (sample: Sample) => ({
    count: sample.elapsed.length,
    elapsedMedianMs: median(sample.elapsed),
    elapsedP90Ms: percentile(sample.elapsed, 0.9),
    countedMedianMs: median(sample.counted),
    countedP90Ms: percentile(sample.counted, 0.9),
    met: sample.met,
    breached: sample.breached,
    withinDeadlineRate: rate(sample.met, sample.met + sample.breached),
  });
  return [...byClient.entries()]
    .map(([clientId, samples]) => ({
      clientId,
      takeCharge: statistics(samples.takeCharge),
      resolution: statistics(samples.resolution),
    }))
    .sort((a, b) => a.clientId.localeCompare(b.clientId));
}

/** Activity volumes as they were before the counts were kept: every ticket read. */
export function scannedVolumes(view: ReportingView, period: Period): VolumeRow[] {
  const counts = new Map<string, VolumeRow>();
  const count = (dimension: VolumeRow['dimension'], value: string) => {
    const key = `${dimension}\u0000${value}`;
    const row = counts.get(key) ?? { dimension, value, received: 0 };
    counts.set(key, { ...row, received: row.received + 1 });
  };
  for (const entry of view.tickets.values()) {
    const { ticket } = entry.record;
    if (!inPeriod(period, entry.receivedAt)) continue;
    count('product', ticket.product ?? '(unknown)');
    count('nature', ticket.nature);
    count('priority', ticket.priority);
    count('agent', ticket.assignee ?? '(unassigned)');
  }
  const order = ['product', 'nature', 'priority', 'agent'];
  return [...counts.values()].sort(
    (a, b) =>
      order.indexOf(a.dimension) - order.indexOf(b.dimension) ||
      b.received - a.received ||
      a.value.localeCompare(b.value),
  );
}

/** The clients that claimed, as before the view kept its claimed tickets apart: every ticket read. */
export function scannedClaimingClients(view: ReportingView, period: Period, scope: Scope = {}): ClaimingClient[] {
  const byClient = new Map<string, ClaimingClient>();
  for (const entry of view.tickets.values()) {
    const { ticket, claims } = entry.record;
    if (ticket.clientId === undefined || ticket.coverage.status !== 'covered') continue;
    if (ticket.status === 'rejected' || ticket.status === 'cancelled') continue;
    if (scope.clientId !== undefined && ticket.clientId !== scope.clientId) continue;
    for (const claim of claims) {
      if (claim.claimedAt < period.start || claim.claimedAt >= period.end) continue;
      const current = byClient.get(ticket.clientId) ?? {
        clientId: ticket.clientId,
        claims: 0,
        claimedCents: 0,
        open: 0,
        settled: 0,
        settledCents: 0,
        waived: 0,
        tickets: [],
      };
      byClient.set(ticket.clientId, {
        ...current,
        claims: current.claims + 1,
        claimedCents: current.claimedCents + (claim.claimedCents ?? 0),
        open: current.open + (claim.status === 'open' ? 1 : 0),
        settled: current.settled + (claim.status === 'settled' ? 1 : 0),
        settledCents: current.settledCents + (claim.settledCents ?? 0),
        waived: current.waived + (claim.status === 'waived' ? 1 : 0),
        tickets: current.tickets.includes(ticket.ticketId) ? current.tickets : [...current.tickets, ticket.ticketId],
      });
    }
  }
  return [...byClient.values()].sort((a, b) => a.clientId.localeCompare(b.clientId));
}

const isOpen = (status: string) => !['resolved', 'closed', 'rejected', 'cancelled'].includes(status);

/** Workload per product as before the volumes were kept: every ticket read. */
export function scannedWorkloads(
  view: ReportingView,
  period: Period,
  thresholds: WorkloadThresholds,
): ProductWorkload[] {
  const products = new Set<string>(view.products.keys());
  const received = new Map<string, number>();
  const open = new Map<string, number>();
  for (const entry of view.tickets.values()) {
    const { product, status } = entry.record.ticket;
    if (product === undefined) continue;
    products.add(product);
    if (inPeriod(period, entry.receivedAt)) received.set(product, (received.get(product) ?? 0) + 1);
    if (isOpen(status)) open.set(product, (open.get(product) ?? 0) + 1);
  }
  const newContracts = new Map<string, number>();
  for (const { contract, signedAt } of view.contracts.values()) {
    const terms = contract.versions[0]!.terms;
    for (const product of terms.products) products.add(product);
    if (!inPeriod(period, Date.parse(signedAt))) continue;
    for (const product of terms.products) newContracts.set(product, (newContracts.get(product) ?? 0) + 1);
  }
  const skilled = new Map<string, Set<string>>();
  const addSkilled = (product: string, agentId: string) => {
    const agents = skilled.get(product) ?? new Set<string>();
    agents.add(agentId);
    skilled.set(product, agents);
  };
  const present = (agentId: string) => {
    const agent = view.agents.get(agentId);
    return agent === undefined || agent.leftAt === null;
  };
  for (const agent of view.agents.values()) {
    if (agent.leftAt !== null) continue;
    for (const skill of agent.skills) addSkilled(skill.product, agent.agentId);
  }
  for (const product of view.products.values()) {
    for (const agentId of product.trainedAgents) if (present(agentId)) addSkilled(product.product, agentId);
  }
  return [...products]
    .map((product) => {
      const skilledAgents = skilled.get(product)?.size ?? 0;
      const receivedCount = received.get(product) ?? 0;
      const perAgent = skilledAgents === 0 ? null : receivedCount / skilledAgents;
      const contracts = newContracts.get(product) ?? 0;
      return {
        product,
        received: receivedCount,
        open: open.get(product) ?? 0,
        skilledAgents,
        ticketsPerSkilledAgent: perAgent,
        newContracts: contracts,
        needsTraining:
          (skilledAgents < thresholds.minSkilledAgents && (contracts > 0 || receivedCount > 0)) ||
          (perAgent !== null && perAgent > thresholds.maxTicketsPerAgent),
      };
    })
    .sort((a, b) => Number(b.needsTraining) - Number(a.needsTraining) || a.product.localeCompare(b.product));
}

/** As before the openings and closings were kept: the intervals a ticket was open (not resolved, not ended): a reopening opens another one. */
function scannedOpenIntervals(record: TicketRecord): [number, number][] {
  const intervals: [number, number][] = [];
  let openedAt: number | null = null;
  for (const fact of record.facts) {
    if (fact.kind === 'received' || fact.kind === 'reopened') openedAt ??= fact.at;
    if ((fact.kind === 'resolved' || fact.kind === 'stopped') && openedAt !== null) {
      intervals.push([openedAt, fact.at]);
      openedAt = null;
    }
  }
  if (openedAt !== null) intervals.push([openedAt, Number.POSITIVE_INFINITY]);
  return intervals;
}
export function scannedBacklog(view: ReportingView, period: Period, now: number, scope: Scope = {}): BacklogPoint[] {
  const end = Math.min(period.end, now);
  if (!Number.isFinite(period.start) || end <= period.start) return [];
  const instants: number[] = [];
  if (period.end - period.start <= 31 * 86_400_000) {
    for (let at = period.start + 86_400_000; at < end; at += 86_400_000) instants.push(at);
  } else {
    for (let year = civilYearOf(period.start), month = 1; ; month++) {
      if (month > 12) {
        year++;
        month = 1;
      }
      const { end: monthEnd } = civilMonth(year, month);
      if (monthEnd <= period.start) continue;
      if (monthEnd >= end) break;
      instants.push(monthEnd);
    }
  }
  instants.push(end);
  // A sweep over openings and closings: one pass over the tickets whatever the number of points.
  const deltas: [number, number][] = [];
  for (const entry of view.tickets.values()) {
    if (scope.clientId !== undefined && entry.record.ticket.clientId !== scope.clientId) continue;
    for (const [from, to] of scannedOpenIntervals(entry.record)) {
      deltas.push([from, 1]);
      if (Number.isFinite(to)) deltas.push([to, -1]);
    }
  }
  deltas.sort((a, b) => a[0] - b[0]);
  const points: BacklogPoint[] = [];
  let open = 0;
  let index = 0;
  for (const at of instants) {
    while (index < deltas.length && deltas[index]![0] <= at) open += deltas[index++]![1];
    points.push({ at, open });
  }
  return points;
}

/** FAQ candidates as before the counts were kept: every ticket read, its problem worked out each time. */
export function scannedFaqCandidates(
  view: ReportingView,
  period: Period,
  minTickets: number,
  scope: Scope = {},
): FaqCandidates {
  const uses = new Map<string, number>();
  const problems = new Map<string, { product: string; problem: string; entries: TicketEntry[] }>();
  for (const entry of view.tickets.values()) {
    const { ticket, articles } = entry.record;
    if (scope.clientId !== undefined && ticket.clientId !== scope.clientId) continue;
    if (!inPeriod(period, entry.receivedAt)) continue;
    for (const articleId of articles) uses.set(articleId, (uses.get(articleId) ?? 0) + 1);
    if (articles.length > 0 || ticket.description === undefined || ticket.product === undefined) continue;
    const problem = problemKey(ticket.description);
    if (problem === '') continue;
    const key = `${ticket.product}\u0000${problem}`;
    const group = problems.get(key) ?? { product: ticket.product, problem, entries: [] };
    group.entries.push(entry);
    problems.set(key, group);
  }
  // A problem an article already names among its symptoms has its article, even if nobody linked it.
  const covered = new Set<string>();
  for (const article of view.articles.values()) {
    if (article.retired) continue;
    for (const product of article.products)
      for (const symptom of article.symptoms) covered.add(`${product}\u0000${problemKey(symptom)}`);
  }
  return {
    articles: [...uses.entries()]
      .filter(([, tickets]) => tickets >= minTickets)
      .map(([articleId, tickets]) => {
        const article = view.articles.get(articleId);
        return {
          articleId,
          title: article?.title ?? articleId,
          products: article?.products ?? [],
          retired: article?.retired ?? false,
          tickets,
        };
      })
      .sort((a, b) => b.tickets - a.tickets || a.articleId.localeCompare(b.articleId)),
    withoutArticle: [...problems.entries()]
      .filter(([key, group]) => group.entries.length >= minTickets && !covered.has(key))
      .map(([, { product, problem, entries }]) => ({
        product,
        problem,
        tickets: entries.length,
        latestTicketIds: [...entries]
          .sort((a, b) => b.receivedAt - a.receivedAt || b.place - a.place)
          .slice(0, LATEST_TICKETS)
          .map((entry) => entry.record.ticket.ticketId),
      }))
      .sort(
        (a, b) => b.tickets - a.tickets || a.product.localeCompare(b.product) || a.problem.localeCompare(b.problem),
      ),
  };
}
