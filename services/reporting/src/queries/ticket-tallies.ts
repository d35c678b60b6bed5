import {
  emptyIndicatorTally,
  type IndicatorContribution,
  type IndicatorTally,
  indicatorContribution,
  mergeIndicatorTally,
  type Period,
  tallyContribution,
} from '@hotline/domain';
import { byOverrun, type OverrunRow, overrunOf } from './overrun-queries.ts';
import { type Accrual, accrualKey, accrualOf } from './penalty-queries.ts';
import { civilMonthIndexOf, civilYearOf, inPeriod, monthPeriod, wholeMonthsOf, yearPeriod } from './periods.ts';
import type { ReportingView, TicketEntry } from './reporting-view.ts';
import type { Judgement } from './ticket-judgement.ts';

/** What a settled ticket adds to the tallies, kept to take it out again when the ticket changes. */
interface Settled {
  /** The ticket's own client (scopes filter on it), whether or not it counts in the indicators. */
  readonly clientId: string | null;
  readonly indicators: IndicatorContribution;
  readonly months: readonly number[];
  readonly overrun: { readonly row: OverrunRow; readonly year: number } | null;
  readonly accrual: { readonly key: string; readonly accrual: Accrual } | null;
}

/** The settled accruals of one contract year, and what a query may keep of them until one changes. */
export interface PenaltyGroup {
  readonly accruals: Map<string, Accrual>;
  memo: unknown;
}

interface MonthTally {
  readonly all: IndicatorTally;
  readonly byClient: Map<string, IndicatorTally>;
}

/**
 * A resolved or withdrawn ticket's contribution to the indicators, overruns and penalties never
 * changes with time (`judgementValidUntil` is forever for it), so it is summed once into tallies per
 * civil month (and client), overrun rows per month and accruals per contract year; queries add the
 * open tickets, judged at their `now`, which this keeps apart (per client too).
 *
 * Tallies are a function of the records alone: a ticket that changes (a redelivery does not reach
 * here, a gap filled or a reopening does) is marked, and the next query takes its old contribution out
 * and puts the new one in, judging it once however many events came meanwhile. A contract that changes
 * marks its tickets (their terms may be another version, or arrive at last). A reset (rebuild,
 * generation switch) starts again from nothing.
 */
export class SettledTallies {
  readonly #dirty = new Set<string>();
  readonly #settled = new Map<string, Settled>();
  /** Open tickets and their client. */
  readonly #open = new Map<string, string | null>();
  readonly #openByClient = new Map<string, Set<string>>();
  readonly #contractOfTicket = new Map<string, string>();
  readonly #ticketsOfContract = new Map<string, Set<string>>();
  readonly #months = new Map<number, MonthTally>();
  /** Per civil year of the resolution, in `byOverrun` order (kept so: a change costs a binary search). */
  readonly #overrunYears = new Map<number, OverrunRow[]>();
  /** A year's rows some query kept, by year and filter; forgotten when any row changes. */
  readonly #overrunsKept = new Map<string, readonly OverrunRow[]>();
  readonly #penaltyGroups = new Map<string, PenaltyGroup>();

  clear(): void {
    for (const each of [
      this.#dirty,
      this.#settled,
      this.#open,
      this.#openByClient,
      this.#contractOfTicket,
      this.#ticketsOfContract,
      this.#months,
      this.#overrunYears,
      this.#overrunsKept,
      this.#penaltyGroups,
    ])
      each.clear();
  }

  ticketChanged(ticketId: string, contractId: string | null): void {
    this.#dirty.add(ticketId);
    const previous = this.#contractOfTicket.get(ticketId);
    if (previous === contractId || (previous === undefined && contractId === null)) return;
    if (previous !== undefined) this.#ticketsOfContract.get(previous)?.delete(ticketId);
    if (contractId === null) {
      this.#contractOfTicket.delete(ticketId);
      return;
    }
    this.#contractOfTicket.set(ticketId, contractId);
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

  /** Brings the tallies up to date with the records: every ticket changed since, judged once. */
  flush(view: ReportingView, now: number): void {
    if (this.#dirty.size === 0) return;
    for (const ticketId of this.#dirty) {
      this.#takeOut(ticketId);
      const entry = view.tickets.get(ticketId);
      if (entry === undefined) continue;
      const judgement = view.judge(entry, now);
      const { timeline } = judgement.sla;
      if (timeline.resolutionAt !== null || timeline.stoppedAt !== null) this.#putIn(entry, judgement, now);
      else this.#addOpen(ticketId, entry.record.ticket.clientId ?? null);
    }
    this.#dirty.clear();
  }

  /** The open tickets (of a client), which queries judge at their `now`. */
  *open(view: ReportingView, clientId?: string): Generator<TicketEntry> {
    const ids = clientId === undefined ? this.#open.keys() : (this.#openByClient.get(clientId) ?? []);
    for (const ticketId of ids) {
      const entry = view.tickets.get(ticketId);
      if (entry !== undefined) yield entry;
    }
  }

  /** The settled tickets' part of a period's indicators: summed months for whole months, else each contribution. */
  indicatorTally(period: Period, clientId?: string): IndicatorTally {
    const tally = emptyIndicatorTally();
    const months = wholeMonthsOf(period);
    if (months !== null) {
      for (let month = months.first; month < months.end; month++) {
        const bucket = this.#months.get(month);
        const part = clientId === undefined ? bucket?.all : bucket?.byClient.get(clientId);
        if (part !== undefined) mergeIndicatorTally(tally, part);
      }
      return tally;
    }
    for (const settled of this.#settled.values()) {
      if (clientId === undefined || settled.clientId === clientId) tallyContribution(tally, settled.indicators, period);
    }
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

  /** The settled tickets' accruals per contract and contract year (of one contract). */
  *penaltyGroups(contractId?: string): Generator<[string, PenaltyGroup]> {
    for (const [key, group] of this.#penaltyGroups) {
      if (contractId === undefined || key.startsWith(`${contractId}\u0000`)) yield [key, group];
    }
  }

  #addOpen(ticketId: string, clientId: string | null): void {
    this.#open.set(ticketId, clientId);
    if (clientId === null) return;
    let tickets = this.#openByClient.get(clientId);
    if (tickets === undefined) {
      tickets = new Set();
      this.#openByClient.set(clientId, tickets);
    }
    tickets.add(ticketId);
  }

  #putIn(entry: TicketEntry, judgement: Judgement, now: number): void {
    const { ticketId } = entry.record.ticket;
    const clientId = entry.record.ticket.clientId ?? null;
    const indicators = indicatorContribution(judgement.outcome, now);
    const instants = [indicators.countedAt, indicators.billableAt, ...indicators.claimsAt];
    const months = [...new Set(instants.flatMap((at) => (at === null ? [] : [civilMonthIndexOf(at)])))];
    for (const month of months) this.#tallyMonth(month, clientId, indicators, 1);
    const row = overrunOf(entry, judgement);
    const overrun = row === null ? null : { row, year: civilYearOf(row.resolvedAt!) };
    if (overrun !== null) {
      let sorted = this.#overrunYears.get(overrun.year);
      if (sorted === undefined) {
        sorted = [];
        this.#overrunYears.set(overrun.year, sorted);
      }
      sorted.splice(insertionIndex(sorted, overrun.row), 0, overrun.row);
      this.#overrunsKept.clear();
    }
    const accrued = accrualOf(entry, judgement, now);
    const accrual = accrued === null ? null : { key: accrualKey(accrued), accrual: accrued };
    if (accrual !== null) {
      let group = this.#penaltyGroups.get(accrual.key);
      if (group === undefined) {
        group = { accruals: new Map(), memo: undefined };
        this.#penaltyGroups.set(accrual.key, group);
      }
      group.accruals.set(ticketId, accrual.accrual);
      group.memo = undefined;
    }
    this.#settled.set(ticketId, { clientId, indicators, months, overrun, accrual });
  }

  #takeOut(ticketId: string): void {
    if (this.#open.has(ticketId)) {
      const clientId = this.#open.get(ticketId);
      this.#open.delete(ticketId);
      if (clientId != null) this.#openByClient.get(clientId)?.delete(ticketId);
      return;
    }
    const settled = this.#settled.get(ticketId);
    if (settled === undefined) return;
    this.#settled.delete(ticketId);
    for (const month of settled.months) this.#tallyMonth(month, settled.clientId, settled.indicators, -1);
    if (settled.overrun !== null) {
      const sorted = this.#overrunYears.get(settled.overrun.year) ?? [];
      const found = insertionIndex(sorted, settled.overrun.row) - 1;
      const index = sorted[found] === settled.overrun.row ? found : sorted.indexOf(settled.overrun.row);
      if (index >= 0) sorted.splice(index, 1);
      this.#overrunsKept.clear();
      if (sorted.length === 0) this.#overrunYears.delete(settled.overrun.year);
    }
    if (settled.accrual !== null) {
      const group = this.#penaltyGroups.get(settled.accrual.key);
      group?.accruals.delete(ticketId);
      if (group !== undefined) group.memo = undefined;
      if (group?.accruals.size === 0) this.#penaltyGroups.delete(settled.accrual.key);
    }
  }

  #tallyMonth(month: number, clientId: string | null, contribution: IndicatorContribution, sign: 1 | -1): void {
    let bucket = this.#months.get(month);
    if (bucket === undefined) {
      bucket = { all: emptyIndicatorTally(), byClient: new Map() };
      this.#months.set(month, bucket);
    }
    const period = monthPeriod(month);
    tallyContribution(bucket.all, contribution, period, sign);
    if (clientId === null) return;
    let client = bucket.byClient.get(clientId);
    if (client === undefined) {
      client = emptyIndicatorTally();
      bucket.byClient.set(clientId, client);
    }
    tallyContribution(client, contribution, period, sign);
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
