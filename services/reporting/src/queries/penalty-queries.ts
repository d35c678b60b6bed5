import {
  type ContractTerms,
  type ContractYear,
  continuedProvision,
  contractYearOf,
  type PenaltyClause,
  type Period,
  type Priority,
  termsInForce,
  type YearProvision,
  yearProvision,
} from '@hotline/domain';
import type { ContractRecord } from '../projections/contract-record.ts';
import { type ClaimTally, countedClaims, emptyClaimTally, tallyClaim } from './claim-tallies.ts';
import type { Scope } from './indicator-queries.ts';
import { wholeMonthsOf } from './periods.ts';
import type { ReportingView, TicketEntry } from './reporting-view.ts';
import type { Judgement } from './ticket-judgement.ts';
import type { PenaltyGroup, TicketTallies } from './ticket-tallies.ts';

export interface TicketPenaltyRow {
  readonly ticketId: string;
  readonly priority: Priority;
  readonly open: boolean;
  /** Resolution, or now for an open ticket: what places the penalty in a contract year. */
  readonly accruedAt: number;
  readonly overrunDays: number;
  readonly perDayCents: number;
  readonly uncappedCents: number;
  readonly ticketCapCents: number;
  readonly cappedAtTicket: boolean;
  readonly amountCents: number;
  /** Its share once the contract year's cap is applied (earlier penalties served first). */
  readonly allocatedCents: number;
  readonly claims: number;
}

export interface ClaimTotals {
  readonly count: number;
  readonly cents: number;
}

export interface ContractYearPenalties {
  readonly contractId: string;
  readonly clientId: string;
  readonly reference: string;
  readonly currency: string;
  readonly annualFeeCents: number;
  readonly contractYear: Pick<ContractYear, 'index' | 'startsOn' | 'endsBefore'>;
  readonly clause: PenaltyClause | null;
  readonly yearCapCents: number;
  /** Sum of the tickets' penalties after the per-ticket cap, before the year cap. */
  readonly accruedCents: number;
  /** The provision: accrued, capped per contract year. */
  readonly provisionCents: number;
  readonly cappedAtYear: boolean;
  /** What clients asked for, where they said an amount; `provisionedCents`: the provision on the claimed tickets. */
  readonly claimed: ClaimTotals & { readonly provisionedCents: number };
  readonly settled: ClaimTotals;
  readonly waived: ClaimTotals & { readonly provisionedCents: number };
  readonly openClaims: number;
  readonly tickets: readonly TicketPenaltyRow[];
}

/**
 * The clause and fee a contract year's cap is taken from: the terms in force when the year starts
 * (the first version when the contract took effect later). DOMAIN.md is silent; docs/domain.md says so.
 */
function yearTerms(contract: ContractRecord, year: ContractYear): ContractTerms {
  return (termsInForce(contract.contract, year.start) ?? contract.contract.versions[0]!).terms;
}

export interface Accrual {
  readonly entry: TicketEntry;
  /** What the penalty views read of the judgement: a settled ticket's accrual is kept, not its whole SLA. */
  readonly judgement: Pick<Judgement, 'outcome' | 'penalty'>;
  readonly accruedAt: number;
  readonly year: ContractYear;
}

/** Where a ticket's penalty (or claims) counts: its contract and contract year. */
export const accrualKey = (accrual: Accrual) =>
  `${accrual.entry.record.ticket.coverage.contractId}\u0000${accrual.year.index}`;

/** A covered ticket's penalty as judged at `now`, placed in its contract year; null when it owes nothing and was not claimed. */
export function accrualOf(entry: TicketEntry, judgement: Judgement, now: number): Accrual | null {
  const { ticket } = entry.record;
  if (ticket.coverage.status !== 'covered' || ticket.coverage.contractId === null) return null;
  // Withdrawn tickets (rejected, cancelled) owe nothing; neither do tickets without terms yet.
  if (judgement.outcome.withdrawn || judgement.sla.terms === null) return null;
  if (!judgement.penalty.applies && entry.record.claims.length === 0) return null;
  const accruedAt = judgement.outcome.resolvedAt ?? now;
  const { outcome, penalty } = judgement;
  return { entry, judgement: { outcome, penalty }, accruedAt, year: yearOf(judgement.sla.terms, accruedAt) };
}

const lastYears = new WeakMap<ContractTerms, ContractYear>();

/**
 * `contractYearOf`, remembering per terms the last year found: every open ticket of a contract accrues
 * now, in the same year, and working a year out goes through the calendar's time zone.
 */
function yearOf(terms: ContractTerms, at: number): ContractYear {
  const last = lastYears.get(terms);
  if (last !== undefined && last.start <= at && at < last.end) return last;
  const year = contractYearOf(terms, at);
  lastYears.set(terms, year);
  return year;
}

/**
 * Penalties per contract and contract year at `now`: accrued, provision (caps applied), claims and
 * what became of them. Settled tickets' accruals come from the view's tallies, open ones from their
 * readings (read again only once lapsed).
 */
export function contractPenalties(
  view: ReportingView,
  now: number,
  scope: Scope & { readonly contractId?: string | undefined } = {},
): ContractYearPenalties[] {
  const tallies = view.tallies(now);
  const openGroups = tallies.openAccruals();
  const ofClient = (accrual: Accrual) =>
    scope.clientId === undefined || accrual.entry.record.ticket.clientId === scope.clientId;
  // Open tickets accrue now: their readings' accruals, placed at this query's instant.
  const accruingNow = (group: PenaltyGroup | undefined): Accrual[] => {
    const accruals: Accrual[] = [];
    for (const accrual of group?.accruals.values() ?? [])
      if (ofClient(accrual)) accruals.push({ ...accrual, accruedAt: now });
    return accruals;
  };
  const result: ContractYearPenalties[] = [];
  for (const key of orderedKeys(tallies)) {
    const settled = tallies.penaltyGroup(key);
    const open = openGroups.get(key);
    const group = settled ?? open!;
    if (scope.contractId !== undefined && group.contractId !== scope.contractId) continue;
    const contract = view.contracts.get(group.contractId);
    if (contract === undefined) continue;
    if (settled !== undefined && scope.clientId === undefined) {
      result.push(continuedYearPenalties(contract, settled.year, settled, open, now));
      continue;
    }
    const accruals = [
      ...(settled === undefined ? [] : [...settled.accruals.values()].filter(ofClient)),
      ...accruingNow(open),
    ];
    if (accruals.length > 0) result.push(yearPenalties(contract, group.year, accruals));
  }
  return result;
}

const orders = new WeakMap<TicketTallies, { readonly version: number; readonly keys: readonly string[] }>();

/**
 * The contract years in the answer's order (by contract id as `localeCompare` orders them, then
 * year), sorted again only when a contract year appears or goes.
 */
function orderedKeys(tallies: TicketTallies): readonly string[] {
  const kept = orders.get(tallies);
  if (kept?.version === tallies.penaltyKeysVersion) return kept.keys;
  const split = (key: string) => {
    const at = key.lastIndexOf('\u0000');
    return [key.slice(0, at), Number(key.slice(at + 1))] as const;
  };
  const keys = [...tallies.penaltyKeys()].sort((a, b) => {
    const [contractA, indexA] = split(a);
    const [contractB, indexB] = split(b);
    return compareText(contractA, contractB) || indexA - indexB;
  });
  orders.set(tallies, { version: tallies.penaltyKeysVersion, keys });
  return keys;
}

const NO_PROVISION: YearProvision = {
  capCents: 0,
  uncappedCents: 0,
  provisionCents: 0,
  capped: false,
  allocations: [],
};

interface ClaimFigures {
  readonly claimed: ContractYearPenalties['claimed'];
  readonly settled: ClaimTotals;
  readonly waived: ContractYearPenalties['waived'];
  readonly openClaims: number;
}

const penaltiesOf = (accruals: readonly Accrual[]) =>
  accruals
    .filter((accrual) => accrual.judgement.penalty.applies)
    .map((accrual) => ({
      ticketId: accrual.entry.record.ticket.ticketId,
      accruedAt: accrual.accruedAt,
      amountCents: accrual.judgement.penalty.amountCents,
    }));

// `localeCompare` without arguments, once: open tickets all accrue now, so their order is all ids.
const compareText = new Intl.Collator().compare;

const byAccrual = (a: TicketPenaltyRow, b: TicketPenaltyRow) =>
  a.accruedAt - b.accruedAt || compareText(a.ticketId, b.ticketId);

function penaltyRow(accrual: Accrual, accruedAt: number, allocated: ReadonlyMap<string, number>): TicketPenaltyRow {
  const { penalty, outcome } = accrual.judgement;
  return {
    ticketId: outcome.ticketId,
    priority: outcome.priority,
    open: outcome.resolvedAt === null,
    accruedAt,
    overrunDays: outcome.overrunDays,
    perDayCents: penalty.perDayCents,
    uncappedCents: penalty.uncappedCents,
    ticketCapCents: penalty.capCents,
    cappedAtTicket: penalty.capped,
    amountCents: penalty.amountCents,
    allocatedCents: allocated.get(outcome.ticketId) ?? 0,
    claims: accrual.entry.record.claims.length,
  };
}

function penaltyRows(accruals: readonly Accrual[], allocated: ReadonlyMap<string, number>): TicketPenaltyRow[] {
  return accruals.map((accrual) => penaltyRow(accrual, accrual.accruedAt, allocated)).sort(byAccrual);
}

/** Claims and what became of them; a ticket's provision counts once however many claims it carries. */
function claimFigures(accruals: readonly Accrual[], allocated: ReadonlyMap<string, number>): ClaimFigures {
  const claims = accruals.flatMap(({ entry }) =>
    entry.record.claims.map((claim) => ({ claim, ticketId: entry.record.ticket.ticketId })),
  );
  const provisionOf = (ticketIds: Iterable<string>) =>
    [...new Set(ticketIds)].reduce((sum, ticketId) => sum + (allocated.get(ticketId) ?? 0), 0);
  const settled = claims.filter(({ claim }) => claim.status === 'settled');
  const waived = claims.filter(({ claim }) => claim.status === 'waived');
  return {
    claimed: {
      count: claims.length,
      cents: claims.reduce((sum, { claim }) => sum + (claim.claimedCents ?? 0), 0),
      provisionedCents: provisionOf(claims.map(({ ticketId }) => ticketId)),
    },
    settled: { count: settled.length, cents: settled.reduce((sum, { claim }) => sum + (claim.settledCents ?? 0), 0) },
    waived: {
      count: waived.length,
      cents: waived.reduce((sum, { claim }) => sum + (claim.claimedCents ?? 0), 0),
      provisionedCents: provisionOf(waived.map(({ ticketId }) => ticketId)),
    },
    openClaims: claims.filter(({ claim }) => claim.status === 'open').length,
  };
}

// Settled and open tickets are apart, so their claim figures add up.
const addClaimFigures = (a: ClaimFigures, b: ClaimFigures): ClaimFigures => ({
  claimed: {
    count: a.claimed.count + b.claimed.count,
    cents: a.claimed.cents + b.claimed.cents,
    provisionedCents: a.claimed.provisionedCents + b.claimed.provisionedCents,
  },
  settled: { count: a.settled.count + b.settled.count, cents: a.settled.cents + b.settled.cents },
  waived: {
    count: a.waived.count + b.waived.count,
    cents: a.waived.cents + b.waived.cents,
    provisionedCents: a.waived.provisionedCents + b.waived.provisionedCents,
  },
  openClaims: a.openClaims + b.openClaims,
});

function assembled(
  contract: ContractRecord,
  year: ContractYear,
  terms: ContractTerms,
  provision: YearProvision,
  claims: ClaimFigures,
  tickets: readonly TicketPenaltyRow[],
): ContractYearPenalties {
  return {
    contractId: contract.contract.contractId,
    clientId: contract.contract.clientId,
    reference: contract.contract.reference,
    currency: terms.currency,
    annualFeeCents: terms.annualFeeCents,
    contractYear: { index: year.index, startsOn: year.startsOn, endsBefore: year.endsBefore },
    clause: terms.penaltyClause,
    yearCapCents: provision.capCents,
    accruedCents: provision.uncappedCents,
    provisionCents: provision.provisionCents,
    cappedAtYear: provision.capped,
    ...claims,
    tickets,
  };
}

/** A contract year's penalties worked out from all its accruals at once. */
export function yearPenalties(
  contract: ContractRecord,
  year: ContractYear,
  accruals: readonly Accrual[],
): ContractYearPenalties {
  const terms = yearTerms(contract, year);
  const clause = terms.penaltyClause;
  const provision = clause === null ? NO_PROVISION : yearProvision(clause, terms.annualFeeCents, penaltiesOf(accruals));
  const allocated = new Map(provision.allocations.map((each) => [each.ticketId, each.amountCents]));
  return assembled(
    contract,
    year,
    terms,
    provision,
    claimFigures(accruals, allocated),
    penaltyRows(accruals, allocated),
  );
}

/** A contract year's settled part, kept in its tallies' group until one of its tickets or its contract changes. */
interface SettledYear {
  readonly contractRevision: bigint;
  readonly terms: ContractTerms;
  readonly provision: YearProvision;
  readonly claims: ClaimFigures;
  readonly rows: readonly TicketPenaltyRow[];
  readonly lastAccruedAt: number;
  /** The year as answered while it has no open ticket. */
  alone?: ContractYearPenalties;
}

/** The open tickets' part of a contract year after its settled part, kept in their group until one of them is read again. */
interface ContinuedYear {
  readonly settled: SettledYear;
  readonly provision: YearProvision;
  readonly claims: ClaimFigures;
  readonly allocated: ReadonlyMap<string, number>;
  /** In the rows' order: all accrue now, so by ticket id. */
  readonly accruals: readonly Accrual[];
}

/**
 * A contract year from its settled tickets' part, worked out once, and its open tickets, which accrue
 * now: after every settled one, they share what the year cap leaves (`continuedProvision`). Their
 * share stands until one of them is read again (their penalties move by whole days); only their
 * rows, which show now, are made at each query. Should a settled ticket accrue at or after now (a
 * clock behind the events), the year is worked out afresh.
 */
function continuedYearPenalties(
  contract: ContractRecord & { readonly revision: bigint },
  year: ContractYear,
  group: PenaltyGroup,
  open: PenaltyGroup | undefined,
  now: number,
): ContractYearPenalties {
  let memo = group.memo as SettledYear | undefined;
  if (memo === undefined || memo.contractRevision !== contract.revision) {
    const settled = [...group.accruals.values()];
    const terms = yearTerms(contract, year);
    const clause = terms.penaltyClause;
    const provision =
      clause === null ? NO_PROVISION : yearProvision(clause, terms.annualFeeCents, penaltiesOf(settled));
    const allocated = new Map(provision.allocations.map((each) => [each.ticketId, each.amountCents]));
    memo = {
      contractRevision: contract.revision,
      terms,
      provision,
      claims: claimFigures(settled, allocated),
      rows: penaltyRows(settled, allocated),
      lastAccruedAt: settled.reduce((last, accrual) => Math.max(last, accrual.accruedAt), Number.NEGATIVE_INFINITY),
    };
    group.memo = memo;
  }
  if (open === undefined || open.accruals.size === 0) {
    memo.alone ??= assembled(contract, year, memo.terms, memo.provision, memo.claims, memo.rows);
    return memo.alone;
  }
  if (now <= memo.lastAccruedAt) {
    const accruingNow = [...open.accruals.values()].map((accrual) => ({ ...accrual, accruedAt: now }));
    return yearPenalties(contract, year, [...group.accruals.values(), ...accruingNow]);
  }
  let continued = open.memo as ContinuedYear | undefined;
  if (continued === undefined || continued.settled !== memo) {
    // Any instant after the settled ones places them alike: now.
    const accruals = [...open.accruals.values()]
      .map((accrual) => ({ ...accrual, accruedAt: now }))
      .sort((a, b) => compareText(a.entry.record.ticket.ticketId, b.entry.record.ticket.ticketId));
    const provision =
      memo.terms.penaltyClause === null ? NO_PROVISION : continuedProvision(memo.provision, penaltiesOf(accruals));
    const allocated = new Map(
      provision.allocations.slice(memo.provision.allocations.length).map((each) => [each.ticketId, each.amountCents]),
    );
    continued = {
      settled: memo,
      provision,
      claims: addClaimFigures(memo.claims, claimFigures(accruals, allocated)),
      allocated,
      accruals,
    };
    open.memo = continued;
  }
  const rows = memo.rows.slice();
  for (const accrual of continued.accruals) rows.push(penaltyRow(accrual, now, continued.allocated));
  return assembled(contract, year, memo.terms, continued.provision, continued.claims, rows);
}

export interface ClaimingClient {
  readonly clientId: string;
  readonly claims: number;
  readonly claimedCents: number;
  readonly open: number;
  readonly settled: number;
  readonly settledCents: number;
  readonly waived: number;
  readonly tickets: readonly string[];
}

/** Clients that claimed penalties in the period (indicator 5), with what became of their claims. */
export function claimingClients(view: ReportingView, period: Period, scope: Scope = {}): ClaimingClient[] {
  // Whole months: the claims summed per month and client as tickets change, the answer kept until a
  // claim changes; else every ticket with claims.
  const claims = view.claims();
  if (wholeMonthsOf(period) !== null) {
    const key = `${period.start}|${period.end}|${scope.clientId ?? ''}`;
    return [...claims.remembered(key, () => claimingClientsOf(claims.claimsIn(period, scope.clientId)!))];
  }
  const byClient = new Map<string, ClaimTally>();
  for (const entry of view.claimedInOrder()) {
    const { ticket } = entry.record;
    if (scope.clientId !== undefined && ticket.clientId !== scope.clientId) continue;
    for (const claim of countedClaims(entry)) {
      if (claim.claimedAt < period.start || claim.claimedAt >= period.end) continue;
      let tally = byClient.get(ticket.clientId!);
      if (tally === undefined) {
        tally = emptyClaimTally();
        byClient.set(ticket.clientId!, tally);
      }
      tallyClaim(tally, claim, 1);
      tally.tickets.set(ticket.ticketId, entry.place);
    }
  }
  return claimingClientsOf(byClient);
}

function claimingClientsOf(byClient: ReadonlyMap<string, ClaimTally>): ClaimingClient[] {
  return [...byClient.entries()]
    .map(
      ([clientId, { tickets, ...tally }]): ClaimingClient => ({
        clientId,
        ...tally,
        // Each ticket once, in the order the view holds them.
        tickets: [...tickets].sort((a, b) => a[1] - b[1]).map(([ticketId]) => ticketId),
      }),
    )
    .sort((a, b) => a.clientId.localeCompare(b.clientId));
}
