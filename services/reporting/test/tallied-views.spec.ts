import {
  acmeMaintenanceTerms,
  contractYearOf,
  DAY_MS,
  type Indicators,
  indicatorsFor,
  type Period,
  type TicketOutcome,
} from '@hotline/domain';
import { type EventStore, openMemoryStore } from '@hotline/eventstore';
import { describe, expect, it } from 'vitest';
import { backlog, volumes } from '../src/queries/activity-queries.ts';
import { dimensionsOf, type IndicatorFilters, matchesFilters } from '../src/queries/indicator-cube.ts';
import { indicatorsOf } from '../src/queries/indicator-queries.ts';
import { faqCandidates } from '../src/queries/knowledge-queries.ts';
import { byOverrun, type OverrunRow, overrunOf, overrunsIn, pastDue } from '../src/queries/overrun-queries.ts';
import {
  type Accrual,
  type ContractYearPenalties,
  claimingClients,
  contractPenalties,
  yearPenalties,
} from '../src/queries/penalty-queries.ts';
import { civilMonthIndexOf, monthPeriod, yearPeriod } from '../src/queries/periods.ts';
import { processingTimes } from '../src/queries/processing-time-queries.ts';
import type { ReportingView, TicketEntry } from '../src/queries/reporting-view.ts';
import { ReportingView as View } from '../src/queries/reporting-view.ts';
import { median, percentile, rate } from '../src/queries/statistics.ts';
import { type Judgement, judgeTicket } from '../src/queries/ticket-judgement.ts';
import { listTickets, slaStanding } from '../src/queries/ticket-queries.ts';
import { productWorkloads } from '../src/queries/workload-queries.ts';
import { writeHotlineHistory } from './support/hotline-history.ts';
import { HotlineScenario, paris } from './support/hotline-scenario.ts';
import {
  scannedBacklog,
  scannedClaimingClients,
  scannedFaqCandidates,
  scannedWorkloads,
} from './support/scan-queries.ts';
import { feedView } from './support/view-feeding.ts';

// The aggregate views (tallies kept as records change, open tickets read until their reading lapses)
// against a brute-force recomputation: every ticket judged afresh by the domain at the instant, no
// cache, no tally. A seeded random history, queried as it is fed, then at instants that cross due
// instants, whole overrun days, the 30-day mark, month, year and contract-year ends, and once back.

const from = Date.parse('2026-01-05T08:00:00+01:00');
const until = Date.parse('2026-11-20T12:00:00+01:00');

const FILTERS: readonly IndicatorFilters[] = [
  {},
  { clientId: 'C002' },
  { product: 'ERP' },
  { nature: 'malfunction' },
  { environment: 'production' },
  { nature: 'functional', environment: 'test' },
  { clientId: 'C003', product: 'CRM', environment: 'production' },
  { product: 'nothing-sold' },
];

const inPeriod = (period: Period, at: number | null) => at !== null && period.start <= at && at < period.end;

function freshJudgement(view: ReportingView, entry: TicketEntry, now: number): Judgement {
  const contractId = entry.record.ticket.coverage.contractId;
  return judgeTicket(entry.record, contractId === null ? undefined : view.contracts.get(contractId), now);
}

function bruteIndicators(view: ReportingView, period: Period, now: number, filters: IndicatorFilters): Indicators {
  const outcomes: TicketOutcome[] = [];
  for (const entry of view.tickets.values()) {
    if (matchesFilters(dimensionsOf(entry.record.ticket), filters))
      outcomes.push(freshJudgement(view, entry, now).outcome);
  }
  return indicatorsFor(period, outcomes, now);
}

function bruteOverruns(view: ReportingView, period: Period, now: number, production: boolean): OverrunRow[] {
  const rows: OverrunRow[] = [];
  for (const entry of view.tickets.values()) {
    const row = overrunOf(entry, freshJudgement(view, entry, now));
    if (row === null || !inPeriod(period, row.resolvedAt ?? now)) continue;
    if (production && row.environment !== 'production') continue;
    rows.push(row);
  }
  return rows.sort(byOverrun);
}

function brutePenalties(view: ReportingView, now: number, clientId?: string): ContractYearPenalties[] {
  const groups = new Map<string, Accrual[]>();
  for (const entry of view.tickets.values()) {
    const { ticket } = entry.record;
    if (ticket.coverage.status !== 'covered' || ticket.coverage.contractId === null) continue;
    if (clientId !== undefined && ticket.clientId !== clientId) continue;
    const judgement = freshJudgement(view, entry, now);
    if (judgement.outcome.withdrawn || judgement.sla.terms === null) continue;
    if (!judgement.penalty.applies && entry.record.claims.length === 0) continue;
    const accruedAt = judgement.outcome.resolvedAt ?? now;
    const year = contractYearOf(judgement.sla.terms, accruedAt);
    const key = `${ticket.coverage.contractId}\u0000${year.index}`;
    groups.set(key, [...(groups.get(key) ?? []), { entry, judgement, accruedAt, year }]);
  }
  return [...groups.values()]
    .map((accruals) =>
      yearPenalties(
        view.contracts.get(accruals[0]!.entry.record.ticket.coverage.contractId!)!,
        accruals[0]!.year,
        accruals,
      ),
    )
    .sort((a, b) => a.contractId.localeCompare(b.contractId) || a.contractYear.index - b.contractYear.index);
}

function bruteProcessingTimes(view: ReportingView, period: Period, now: number) {
  const byClient = new Map<
    string,
    Record<'takeCharge' | 'resolution', { all: number[]; counted: number[]; met: number; breached: number }>
  >();
  for (const entry of view.tickets.values()) {
    const { ticket } = entry.record;
    if (ticket.clientId === undefined || ticket.status === 'rejected' || ticket.status === 'cancelled') continue;
    const takenAt = ticket.milestones.takeCharge === undefined ? null : Date.parse(ticket.milestones.takeCharge);
    const milestones = [
      ['takeCharge', takenAt],
      ['resolution', entry.resolvedAt],
    ] as const;
    if (!milestones.some(([, at]) => inPeriod(period, at))) continue;
    const client = byClient.get(ticket.clientId) ?? {
      takeCharge: { all: [], counted: [], met: 0, breached: 0 },
      resolution: { all: [], counted: [], met: 0, breached: 0 },
    };
    byClient.set(ticket.clientId, client);
    const targets = freshJudgement(view, entry, now).sla.evaluation.targets;
    for (const [name, at] of milestones) {
      if (at === null || !inPeriod(period, at)) continue;
      client[name].all.push(at - entry.receivedAt);
      const target = targets.find((each) => each.target === name);
      if (target === undefined) continue;
      client[name].counted.push(target.countedMs);
      if (target.status === 'met') client[name].met++;
      if (target.status === 'breached') client[name].breached++;
    }
  }
  const statistics = (sample: { all: number[]; counted: number[]; met: number; breached: number }) => ({
    count: sample.all.length,
    elapsedMedianMs: median(sample.all),
    elapsedP90Ms: percentile(sample.all, 0.9),
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

function bruteVolumes(view: ReportingView, period: Period) {
  const counts = new Map<string, { dimension: string; value: string; received: number }>();
  for (const entry of view.tickets.values()) {
    if (!inPeriod(period, entry.receivedAt)) continue;
    const { ticket } = entry.record;
    for (const [dimension, value] of [
      ['product', ticket.product ?? '(unknown)'],
      ['nature', ticket.nature],
      ['priority', ticket.priority],
      ['agent', ticket.assignee ?? '(unassigned)'],
    ] as const) {
      const row = counts.get(`${dimension}/${value}`) ?? { dimension, value, received: 0 };
      counts.set(`${dimension}/${value}`, { ...row, received: row.received + 1 });
    }
  }
  const order = ['product', 'nature', 'priority', 'agent'];
  return [...counts.values()].sort(
    (a, b) =>
      order.indexOf(a.dimension) - order.indexOf(b.dimension) ||
      b.received - a.received ||
      a.value.localeCompare(b.value),
  );
}

/** The aggregate views and the brute force, side by side, at `now`. */
function compare(view: ReportingView, now: number): { overruns: number; penalties: number; pastDue: number } {
  const year = yearPeriod(2026);
  const month = monthPeriod(civilMonthIndexOf(now));
  const odd = { start: Date.parse('2026-02-11T10:00:00Z'), end: now + 1 };
  for (const filters of FILTERS) {
    for (const period of [year, month, odd, yearPeriod(2027)]) {
      expect(indicatorsOf(view, period, now, filters), JSON.stringify({ now, period, filters })).toEqual(
        bruteIndicators(view, period, now, filters),
      );
    }
  }
  const overruns = overrunsIn(view, year, now);
  expect(overruns).toEqual(bruteOverruns(view, year, now, false));
  expect(overrunsIn(view, odd, now, {}, { production: true })).toEqual(bruteOverruns(view, odd, now, true));
  const penalties = contractPenalties(view, now);
  expect(penalties).toEqual(brutePenalties(view, now));
  expect(contractPenalties(view, now, { clientId: 'C002' })).toEqual(brutePenalties(view, now, 'C002'));
  expect(processingTimes(view, year, now)).toEqual(bruteProcessingTimes(view, year, now));
  expect(processingTimes(view, month, now)).toEqual(bruteProcessingTimes(view, month, now));
  expect(volumes(view, year)).toEqual(bruteVolumes(view, year));
  expect(claimingClients(view, year)).toEqual(scannedClaimingClients(view, year));
  expect(claimingClients(view, month, { clientId: 'C003' })).toEqual(
    scannedClaimingClients(view, month, { clientId: 'C003' }),
  );
  for (const minTickets of [1, 3]) {
    expect(faqCandidates(view, year, minTickets)).toEqual(scannedFaqCandidates(view, year, minTickets));
    expect(faqCandidates(view, odd, minTickets, { clientId: 'C002' })).toEqual(
      scannedFaqCandidates(view, odd, minTickets, { clientId: 'C002' }),
    );
  }
  for (const period of [year, month]) {
    expect(backlog(view, period, now)).toEqual(scannedBacklog(view, period, now));
    expect(backlog(view, period, now, { clientId: 'C002' })).toEqual(
      scannedBacklog(view, period, now, { clientId: 'C002' }),
    );
  }
  expect(claimingClients(view, odd, { clientId: 'C002' })).toEqual(
    scannedClaimingClients(view, odd, { clientId: 'C002' }),
  );
  const thresholds = { minSkilledAgents: 2, maxTicketsPerAgent: 20 };
  expect(productWorkloads(view, year, thresholds)).toEqual(scannedWorkloads(view, year, thresholds));
  expect(productWorkloads(view, odd, thresholds)).toEqual(scannedWorkloads(view, odd, thresholds));
  const late = pastDue(view, now);
  const brute = [...view.open]
    .map((ticketId) => view.tickets.get(ticketId)!)
    .filter((entry) => entry.record.ticket.coverage.status === 'covered' && entry.resolvedAt === null)
    .flatMap((entry) =>
      freshJudgement(view, entry, now)
        .sla.evaluation.targets.filter((target) => target.status === 'breached' && target.reachedAt === null)
        .map((target) => `${entry.record.ticket.ticketId}/${target.target}/${now - target.dueAt!}`),
    )
    .sort();
  expect(late.map((row) => `${row.ticketId}/${row.target}/${row.lateMs}`).sort()).toEqual(brute);
  for (const sla of ['at_risk', 'on_track', 'breached'] as const) {
    const listed = listTickets(view, { sla }, now, { offset: 0, limit: 1_000 });
    const standing = [...view.latestFirst()]
      .filter((entry) => slaStanding(freshJudgement(view, entry, now), now) === sla)
      .map((entry) => entry.record.ticket.ticketId);
    expect(listed.items.map((row) => row.ticketId)).toEqual(standing);
  }
  return { overruns: overruns.length, penalties: penalties.length, pastDue: late.length };
}

/**
 * Feeds what `store` holds to `view` (`feedView`); after each page, `onPage` with the clock (which
 * never goes back while the events come: they are written ticket by ticket, not in time order).
 */
async function feedStore(store: EventStore, view: ReportingView, onPage: (now: number, page: number) => void) {
  let now = from;
  return feedView(store, view, 120, (page, index) => {
    now = Math.max(now, Date.parse(page.at(-1)!.occurredAt));
    onPage(now, index);
  });
}

/** A seeded history of 260 tickets fed to `view` (`feedStore`). */
async function feedHistory(view: ReportingView, onPage: (now: number, page: number) => void): Promise<number> {
  const store = await openMemoryStore();
  try {
    await writeHotlineHistory(store, { tickets: 260, clients: 5, from, until, seed: 77 });
    return await feedStore(store, view, onPage);
  } finally {
    await store.close();
  }
}

describe('the aggregate views', () => {
  it.each([
    ['every judgement kept', new View()],
    // Most open tickets' judgements dropped and made again: what the readings keep must suffice.
    ['a few judgements kept', new View({ judgementsKept: { open: 8, settled: 4 } })],
  ])('answer as every ticket judged afresh, as events come and as time passes (%s)', async (_kept, view) => {
    {
      const pages = await feedHistory(view, (now, page) => {
        if (page % 2 === 0) compare(view, now);
      });
      expect(pages).toBeGreaterThan(12);
      // Then time passes over what is left open: hours (due instants), days (overrun days), 30 days,
      // the end of the civil year and of contract years; and once the clock set back.
      const instants = [
        until,
        until + 3_600_000,
        until + 5 * 3_600_000 + 17,
        until + DAY_MS + 1,
        until + 3 * DAY_MS,
        until + 31 * DAY_MS + 5,
        Date.parse('2026-12-31T22:59:59.999Z'),
        Date.parse('2026-12-31T23:00:00.000Z'),
        Date.parse('2027-01-04T12:00:00+01:00'),
        Date.parse('2027-02-20T12:00:00+01:00'),
        until + 2 * DAY_MS,
        Date.parse('2027-03-01T00:00:00Z'),
      ];
      const seen = instants.map((instant) => compare(view, instant));
      expect(seen.every(({ penalties }) => penalties > 0)).toBe(true);
      expect(seen.some(({ pastDue }) => pastDue > 0)).toBe(true);
      expect(seen.some(({ overruns }) => overruns > 0)).toBe(true);
    }
  });

  it('answer the same when the changed tickets are summed a few at a time between queries', async () => {
    // As the projections' renewal does: slices of the changed tickets, each at the clock of its turn,
    // sometimes a clock behind the readings already made (a query then reads every ticket again).
    const view = new View();
    let sliced = 0;
    const pages = await feedHistory(view, (now, page) => {
      for (let slice = 0; slice < 3 && view.changedCount > 0; slice++) {
        const before = view.changedCount;
        view.settleChanged(now + [0, -3, 5, 9][(page + slice) % 4]! * 3_600_000, 1 + ((page * 7 + slice) % 13));
        sliced += before - view.changedCount;
      }
      if (page % 3 === 0) compare(view, now);
    });
    expect(pages).toBeGreaterThan(12);
    expect(sliced).toBeGreaterThan(100);
    for (const instant of [until + 3_600_000, until + 3 * DAY_MS, until + 2 * DAY_MS]) compare(view, instant);
  });

  it('never answer at an instant with a reading made at a later one', async () => {
    const store = await openMemoryStore();
    try {
      const scenario = new HotlineScenario(store);
      await scenario.sign('ACME-M', 'ACME', acmeMaintenanceTerms);
      const received = paris('2026-02-02T09:00', '+01:00');
      await scenario.ticket('T-1', [scenario.receive('ACME', received, { priority: 'P1' })]);
      const view = new View();
      await feedStore(store, view, () => {});
      // Summed days after its deadlines passed, then asked about the hour after its reception.
      view.settleChanged(Date.parse(received) + 3 * DAY_MS, 10);
      expect(view.changedCount).toBe(0);
      expect(pastDue(view, Date.parse(received) + 3_600_000)).toEqual([]);
      expect(pastDue(view, Date.parse(received) + 3 * DAY_MS)).not.toEqual([]);
    } finally {
      await store.close();
    }
  });
});
