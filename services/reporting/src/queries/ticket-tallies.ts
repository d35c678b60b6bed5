import {
  type ContractYear,
  emptyIndicatorTally,
  type IndicatorContribution,
  type IndicatorTally,
  indicatorContribution,
  type Period,
  tallyContribution,
} from '@hotline/domain';
import {
  dimensionsOf,
  IndicatorCube,
  type IndicatorFilters,
  matchesFilters,
  type TicketDimensions,
} from './indicator-cube.ts';
import { LapseQueue } from './lapse-queue.ts';
import { datedPart, type OpenReading, openReading } from './open-reading.ts';
import { byOverrun, type OverrunRow, overrunOf } from './overrun-queries.ts';
import { type Accrual, accrualKey, accrualOf } from './penalty-queries.ts';
import { civilMonthIndexOf, civilYearOf, inPeriod, monthPeriod, wholeMonthsOf, yearPeriod } from './periods.ts';
import {
  countsInProcessingTimes,
  ProcessingTimeTallies,
  samplesSettleAt,
  ticketSamples,
} from './processing-time-tallies.ts';
import type { ReportingView, TicketEntry } from './reporting-view.ts';
import type { Judgement } from './ticket-judgement.ts';
import type { SlaStanding } from './ticket-queries.ts';

/** What a ticket adds to the month tallies (and, settled, to the overruns and penalties), kept to take it out again. */
interface Placed {
  /** Shared by every ticket along the same dimensions. */
  readonly dimensions: TicketDimensions;
  /** Settled: its whole contribution. Open: all but the part counted at now (claims, billable reception). */
  readonly indicators: IndicatorContribution;
  /** Its row in the year of its resolution (`civilYearOf`). */
  readonly overrun: OverrunRow | null;
  /** In its contract year's group (`accrualKey`). */
  readonly accrual: Accrual | null;
}

/** The months a contribution counts in: its instants' civil months, once each. */
function monthsOf(indicators: IndicatorContribution): number[] {
  const months: number[] = [];
  for (const at of [indicators.countedAt, indicators.billableAt, ...indicators.claimsAt]) {
    if (at === null) continue;
    const month = civilMonthIndexOf(at);
    if (!months.includes(month)) months.push(month);
  }
  return months;
}

/** The accruals of one contract year (settled, or open), and what a query may keep of them until one changes. */
export interface PenaltyGroup {
  readonly contractId: string;
  readonly year: ContractYear;
  readonly accruals: Map<string, Accrual>;
  memo: unknown;
}

const penaltyGroupOf = (accrual: Accrual): PenaltyGroup => ({
  contractId: accrual.entry.record.ticket.coverage.contractId!,
  year: accrual.year,
  accruals: new Map(),
  memo: undefined,
});

const ALL_TIME: Period = { start: Number.NEGATIVE_INFINITY, end: Number.POSITIVE_INFINITY };

/**
 * Every ticket's share of the indicators, overruns and penalties, summed as the records change.
 *
 * A resolved or withdrawn (settled) ticket's share never changes with time (`judgementValidUntil` is
 * forever for it): it is summed once into tallies per civil month (split by client, product, nature
 * and environment: `IndicatorCube`), overrun rows per civil year and accruals per contract year.
 *
 * An open ticket's claims and reception are dated too, and go into the same month tallies. What
 * moves with the clock (its overrun, counted in the period that holds now; its overrun row; its
 * penalty, accrued now) is an `OpenReading`, good until an instant the domain's answer gives; its
 * indicator part is summed into one more cube, counted in any period that holds now. A query first
 * reads again only the tickets whose reading has lapsed (`LapseQueue`), so its cost follows what
 * changed, not the number of tickets. Should a query come at an instant before the latest reading
 * (a clock set back), every open ticket is read again at that instant.
 *
 * All this is a function of the records and the instant: a ticket that changes (a redelivery does
 * not reach here, a gap filled or a reopening does) is marked, and the next query takes its old share
 * out and puts the new one in, judging it once however many events came meanwhile. A contract that
 * changes marks its tickets (their terms may be another version, or arrive at last). A reset
 * (rebuild, generation switch) starts again from nothing.
 */
export class TicketTallies {
  readonly #dirty = new Set<string>();
  /** Take-charge and resolution samples per client and month. */
  readonly processingTimes = new ProcessingTimeTallies();
  readonly #placed = new Map<string, Placed>();
  readonly #dimensions = new Map<string, TicketDimensions>();
  readonly #ticketsOfContract = new Map<string, Set<string>>();
  readonly #months = new Map<number, IndicatorCube>();
  /** Per civil year of the resolution, in `byOverrun` order (kept so: a change costs a binary search). */
  readonly #overrunYears = new Map<number, OverrunRow[]>();
  /** A year's rows some query kept, by year and filter; forgotten when any row changes. */
  readonly #overrunsKept = new Map<string, readonly OverrunRow[]>();
  readonly #penaltyGroups = new Map<string, PenaltyGroup>();
  /** Open tickets: their reading, by ticket. */
  readonly #readings = new Map<string, OpenReading>();
  /**
   * Open tickets by when their reading lapses. The ids, not the readings: a reading replaced stays
   * in the heap until its instant (hours away, most often), and would keep its objects and its
   * ticket's former record alive until then, one or two such a ticket as it is received, qualified
   * and assigned.
   */
  readonly #lapses = new LapseQueue<string>();
  /** Open tickets' indicator parts counted at now. */
  #atNow = new IndicatorCube();
  readonly #overrunning = new Map<string, OpenReading>();
  readonly #openAccruals = new Map<string, PenaltyGroup>();
  /** Open tickets by their reading's SLA standing. */
  readonly #standings = new Map<SlaStanding, Set<string>>();
  /** Moves whenever a contract year gains its first accrual or loses its last (views keep their order until then). */
  penaltyKeysVersion = 0;
  /** Open tickets read again since the start, their reading lapsed (the bench counts them per query). */
  readingsRenewed = 0;
  /** Answers worked out from the open tickets' readings, by name, until a reading or a ticket changes. */
  readonly #answers = new Map<string, unknown>();
  /** The latest instant a reading was made at. */
  #readAt = Number.NEGATIVE_INFINITY;

  clear(): void {
    for (const each of [
      this.#dirty,
      this.#placed,
      this.#dimensions,
      this.#ticketsOfContract,
      this.#months,
      this.#overrunYears,
      this.#overrunsKept,
      this.#penaltyGroups,
      this.#readings,
      this.#overrunning,
      this.#openAccruals,
      this.#standings,
      this.#answers,
    ])
      each.clear();
    this.#lapses.clear();
    this.processingTimes.clear();
    this.#atNow = new IndicatorCube();
    this.#readAt = Number.NEGATIVE_INFINITY;
  }

  /** A ticket's record changed; `previousContractId`: its former record's contract (null for none or no former record). */
  ticketChanged(ticketId: string, previousContractId: string | null, contractId: string | null): void {
    this.#dirty.add(ticketId);
    if (previousContractId === contractId) return;
    if (previousContractId !== null) this.#ticketsOfContract.get(previousContractId)?.delete(ticketId);
    if (contractId === null) return;
    let tickets = this.#ticketsOfContract.get(contractId);
    if (tickets === undefined) {
      tickets = new Set();
      this.#ticketsOfContract.set(contractId, tickets);
    }
    tickets.add(ticketId);
  }

  contractChanged(contractId: string): void {
    for (const ticketId of this.#ticketsOfContract.get(contractId) ?? []) this.#dirty.add(ticketId);
  }

  /** Brings the tallies up to date at `now`: every ticket changed since, then every open one whose reading lapsed. */
  flush(view: ReportingView, now: number): void {
    for (const ticketId of this.#dirty) this.#settle(view, ticketId, now);
    this.#dirty.clear();
    if (now < this.#readAt) {
      this.#lapses.clear();
      for (const reading of [...this.#readings.values()]) this.#read(view, reading.entry, now);
    } else {
      for (const ticketId of this.#lapses.lapsedAt(now)) {
        // Read again already (a former reading's instant), or no longer open: skipped.
        const reading = this.#readings.get(ticketId);
        if (reading !== undefined && reading.validUntil <= now) this.#read(view, reading.entry, now);
      }
    }
    this.#readAt = now;
  }

  /** Tickets changed since they were last summed. */
  get changedCount(): number {
    return this.#dirty.size;
  }

  /**
   * Sums again at `now` at most `limit` of the tickets changed since, those changed first first;
   * what a flush would do for them, in slices, so that thousands of changes are not judged in one
   * turn of the event loop. The readings that lapsed wait for the next flush.
   */
  settleChanged(view: ReportingView, now: number, limit: number): void {
    let settled = 0;
    for (const ticketId of this.#dirty) {
      if (settled === limit) break;
      this.#settle(view, ticketId, now);
      this.#dirty.delete(ticketId);
      settled++;
    }
    // A flush at an earlier instant must read every ticket again, these included.
    if (settled > 0 && now > this.#readAt) this.#readAt = now;
  }

  /** A changed ticket's former share taken out, and its share at `now` put in. */
  #settle(view: ReportingView, ticketId: string, now: number): void {
    this.#takeOut(ticketId);
    const entry = view.tickets.get(ticketId);
    if (entry === undefined) return;
    const judgement = view.judge(entry, now, 'if-held');
    const { timeline } = judgement.sla;
    if (timeline.resolutionAt !== null || timeline.stoppedAt !== null) this.#putIn(entry, judgement, now);
    else this.#putInOpen(entry, judgement, now);
    if (countsInProcessingTimes(entry)) {
      // Its samples as they read from its last milestone on: the counted time of a reached target
      // stops there. A judgement made before it (a clock behind the events) is taken again.
      const settleAt = samplesSettleAt(entry);
      // Not in the view's cache: judged just now.
      const judgedAt = view.judgedAt(ticketId) ?? now;
      const targets = (judgedAt >= settleAt ? judgement : view.judgeAfresh(entry, Math.max(now, settleAt))).sla
        .evaluation.targets;
      const samples = ticketSamples(entry, targets);
      if (samples.takeCharge !== null || samples.resolution !== null) this.processingTimes.put(ticketId, samples);
    }
  }

  /**
   * Whether an open ticket may stand as `standing` now: its reading's standing, or true for a ticket
   * in an open status without a reading (judged by the caller).
   */
  mayStand(ticketId: string, standing: SlaStanding): boolean {
    return this.#standings.get(standing)?.has(ticketId) ?? !this.#readings.has(ticketId);
  }

  /**
   * What `make` works out from the open tickets' readings and records, kept under `key` until a
   * reading is made again or a ticket changes (the next flush that does either forgets it).
   */
  remembered<T>(key: string, make: () => T): T {
    if (!this.#answers.has(key)) this.#answers.set(key, make());
    return this.#answers.get(key) as T;
  }

  /** The reading of an open ticket, if it is one. */
  readingOf(ticketId: string): OpenReading | undefined {
    return this.#readings.get(ticketId);
  }

  /** Open tickets overrunning their resolution deadline, as last read. */
  overrunning(): Iterable<OpenReading> {
    return this.#overrunning.values();
  }

  /** Open tickets' accruals (as read: placed at their reading's instant) per contract and contract year. */
  openAccruals(): ReadonlyMap<string, PenaltyGroup> {
    return this.#openAccruals;
  }

  /**
   * The indicators' tally of a period at `now`, the filters applied: summed months for whole months,
   * else each ticket's dated part; and the open tickets' part counted at now when the period holds now.
   */
  indicatorTally(period: Period, now: number, filters: IndicatorFilters = {}): IndicatorTally {
    const tally = emptyIndicatorTally();
    const months = wholeMonthsOf(period);
    if (months !== null) {
      for (let month = months.first; month < months.end; month++) this.#months.get(month)?.addTo(tally, filters);
    } else {
      for (const placed of this.#placed.values()) {
        if (matchesFilters(placed.dimensions, filters)) tallyContribution(tally, placed.indicators, period);
      }
    }
    if (inPeriod(period, now)) this.#atNow.addTo(tally, filters);
    return tally;
  }

  /**
   * The settled tickets' overrun rows counted in a period (by their resolution) that `keep` keeps, in
   * `byOverrun` order. For a whole civil year the rows kept are remembered under `keepKey` until one
   * of the year's rows changes.
   */
  overrunsIn(period: Period, keep: (row: OverrunRow) => boolean, keepKey: string): readonly OverrunRow[] {
    const rows: OverrunRow[] = [];
    let years = 0;
    for (const [year, sorted] of this.#overrunYears) {
      const span = yearPeriod(year);
      if (span.end <= period.start || span.start >= period.end) continue;
      years++;
      if (span.start === period.start && span.end === period.end) {
        const key = `${year}\u0000${keepKey}`;
        let kept = this.#overrunsKept.get(key);
        if (kept === undefined) {
          kept = sorted.filter(keep);
          this.#overrunsKept.set(key, kept);
        }
        return kept;
      }
      const whole = period.start <= span.start && span.end <= period.end;
      for (const row of sorted) if ((whole || inPeriod(period, row.resolvedAt)) && keep(row)) rows.push(row);
    }
    return years > 1 ? rows.sort(byOverrun) : rows;
  }

  /** The settled tickets' accruals of a contract year (by `accrualKey`). */
  penaltyGroup(key: string): PenaltyGroup | undefined {
    return this.#penaltyGroups.get(key);
  }

  /** Every contract year with settled or open accruals. */
  *penaltyKeys(): Generator<string> {
    yield* this.#penaltyGroups.keys();
    for (const key of this.#openAccruals.keys()) if (!this.#penaltyGroups.has(key)) yield key;
  }

  #putIn(entry: TicketEntry, judgement: Judgement, now: number): void {
    const placed = this.#placeMonths(entry, indicatorContribution(judgement.outcome, now));
    const row = overrunOf(entry, judgement);
    if (row !== null) {
      const year = civilYearOf(row.resolvedAt!);
      let sorted = this.#overrunYears.get(year);
      if (sorted === undefined) {
        sorted = [];
        this.#overrunYears.set(year, sorted);
      }
      sorted.splice(insertionIndex(sorted, row), 0, row);
      this.#overrunsKept.clear();
    }
    const accrual = accrualOf(entry, judgement, now);
    if (accrual !== null) {
      const key = accrualKey(accrual);
      let group = this.#penaltyGroups.get(key);
      if (group === undefined) {
        group = penaltyGroupOf(accrual);
        this.#penaltyGroups.set(key, group);
        this.penaltyKeysVersion++;
      }
      group.accruals.set(entry.record.ticket.ticketId, accrual);
      group.memo = undefined;
    }
    this.#placed.set(entry.record.ticket.ticketId, {
      dimensions: placed.dimensions,
      indicators: placed.indicators,
      overrun: row,
      accrual,
    });
  }

  #putInOpen(entry: TicketEntry, judgement: Judgement, now: number): void {
    const placed = this.#placeMonths(entry, datedPart(judgement, now));
    this.#placed.set(entry.record.ticket.ticketId, {
      dimensions: placed.dimensions,
      indicators: placed.indicators,
      overrun: null,
      accrual: null,
    });
    this.#place(openReading(entry, judgement, now), placed.dimensions);
  }

  #placeMonths(entry: TicketEntry, indicators: IndicatorContribution) {
    const dimensions = this.#sharedDimensions(dimensionsOf(entry.record.ticket));
    for (const month of monthsOf(indicators)) this.#tallyMonth(month, dimensions, indicators, 1);
    return { dimensions, indicators };
  }

  #sharedDimensions(dimensions: TicketDimensions): TicketDimensions {
    const key = `${dimensions.clientId ?? ''}\u0000${dimensions.product ?? ''}\u0000${dimensions.nature}\u0000${dimensions.environment ?? ''}`;
    const known = this.#dimensions.get(key);
    if (known !== undefined) return known;
    this.#dimensions.set(key, dimensions);
    return dimensions;
  }

  /** An open ticket read again at `now`: its former reading's share taken out, the new one's put in. */
  #read(view: ReportingView, entry: TicketEntry, now: number): void {
    const { ticketId } = entry.record.ticket;
    const placed = this.#placed.get(ticketId);
    if (placed === undefined) return;
    this.readingsRenewed++;
    this.#unplace(ticketId, placed.dimensions);
    this.#place(openReading(entry, view.judge(entry, now, 'if-held'), now), placed.dimensions);
  }

  #place(reading: OpenReading, dimensions: TicketDimensions): void {
    this.#answers.clear();
    const { ticketId } = reading.entry.record.ticket;
    this.#readings.set(ticketId, reading);
    this.#lapses.push(reading.validUntil, ticketId);
    if (reading.atNow !== null) this.#atNow.add(dimensions, reading.atNow, ALL_TIME, 1);
    if (reading.overrun !== null) this.#overrunning.set(ticketId, reading);
    let standing = this.#standings.get(reading.standing);
    if (standing === undefined) {
      standing = new Set();
      this.#standings.set(reading.standing, standing);
    }
    standing.add(ticketId);
    if (reading.accrual !== null) {
      let group = this.#openAccruals.get(reading.accrual.key);
      if (group === undefined) {
        group = penaltyGroupOf(reading.accrual.accrual);
        this.#openAccruals.set(reading.accrual.key, group);
        this.penaltyKeysVersion++;
      }
      group.accruals.set(ticketId, reading.accrual.accrual);
      group.memo = undefined;
    }
  }

  #unplace(ticketId: string, dimensions: TicketDimensions): void {
    const reading = this.#readings.get(ticketId);
    if (reading === undefined) return;
    this.#readings.delete(ticketId);
    if (reading.atNow !== null) this.#atNow.add(dimensions, reading.atNow, ALL_TIME, -1);
    this.#overrunning.delete(ticketId);
    this.#standings.get(reading.standing)?.delete(ticketId);
    if (reading.accrual !== null) {
      const group = this.#openAccruals.get(reading.accrual.key);
      group?.accruals.delete(ticketId);
      if (group !== undefined) group.memo = undefined;
      if (group?.accruals.size === 0) {
        this.#openAccruals.delete(reading.accrual.key);
        this.penaltyKeysVersion++;
      }
    }
  }

  #takeOut(ticketId: string): void {
    this.#answers.clear();
    this.processingTimes.takeOut(ticketId);
    const placed = this.#placed.get(ticketId);
    if (placed === undefined) return;
    this.#placed.delete(ticketId);
    this.#unplace(ticketId, placed.dimensions);
    for (const month of monthsOf(placed.indicators)) this.#tallyMonth(month, placed.dimensions, placed.indicators, -1);
    if (placed.overrun !== null) {
      const year = civilYearOf(placed.overrun.resolvedAt!);
      const sorted = this.#overrunYears.get(year) ?? [];
      const found = insertionIndex(sorted, placed.overrun) - 1;
      const index = sorted[found] === placed.overrun ? found : sorted.indexOf(placed.overrun);
      if (index >= 0) sorted.splice(index, 1);
      this.#overrunsKept.clear();
      if (sorted.length === 0) this.#overrunYears.delete(year);
    }
    if (placed.accrual !== null) {
      const key = accrualKey(placed.accrual);
      const group = this.#penaltyGroups.get(key);
      group?.accruals.delete(ticketId);
      if (group !== undefined) group.memo = undefined;
      if (group?.accruals.size === 0) {
        this.#penaltyGroups.delete(key);
        this.penaltyKeysVersion++;
      }
    }
  }

  #tallyMonth(month: number, dimensions: TicketDimensions, contribution: IndicatorContribution, sign: 1 | -1): void {
    let cube = this.#months.get(month);
    if (cube === undefined) {
      cube = new IndicatorCube();
      this.#months.set(month, cube);
    }
    cube.add(dimensions, contribution, monthPeriod(month), sign);
  }
}

/** Where a row goes in a list in `byOverrun` order: after every row that does not come after it. */
function insertionIndex(sorted: readonly OverrunRow[], row: OverrunRow): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (byOverrun(sorted[middle]!, row) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}
