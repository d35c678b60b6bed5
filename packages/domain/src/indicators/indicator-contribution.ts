import { DAY_MS } from '../shared/time.ts';
import type { Priority } from '../ticket/ticket-classification.ts';
import type { Indicators, Period, PriorityIndicators } from './indicators.ts';
import type { TicketOutcome } from './ticket-outcome.ts';

/**
 * What one ticket adds to the indicators of any period, each part dated by the instant that places
 * it in a period. A resolved or withdrawn ticket's contribution never changes with time, so a read
 * model can sum it once into tallies and judge at query time only the open tickets.
 */
export interface IndicatorContribution {
  readonly priority: Priority;
  /** Indicators 1–4 count it in the period holding this instant: its resolution, or `now` while open. Null: it counts in none. */
  readonly countedAt: number | null;
  readonly malfunctionResolved: number;
  readonly malfunctionWithin: number;
  readonly functionalResolved: number;
  readonly functionalWithin: number;
  readonly productionOverrunDays: number;
  readonly productionOverThirtyDays: number;
  /** Indicator 5: the client and its claim instants, when the ticket counts. */
  readonly clientId: string | null;
  readonly claimsAt: readonly number[];
  /** A billable out-of-contract intervention counts in the period of its reception. */
  readonly billableAt: number | null;
}

const THIRTY_DAYS_MS = 30 * DAY_MS;
/** One empty list for every contribution without claims: read models keep one contribution per ticket. */
const NO_CLAIMS: readonly number[] = Object.freeze([]);

/** The one ticket's share of `indicatorsFor`, at `now` (a spec holds their sums equal on any outcomes). */
export function indicatorContribution(outcome: TicketOutcome, now: number): IndicatorContribution {
  const counted = outcome.coverage === 'covered' && !outcome.withdrawn;
  const resolved = counted && outcome.resolvedAt !== null ? 1 : 0;
  const within = resolved === 1 && outcome.withinDeadlines === true ? 1 : 0;
  const production = counted && outcome.environment === 'production';
  const billable =
    outcome.coverage === 'out_of_contract' || outcome.coverage === 'no_contract' || outcome.nature === 'service';
  return {
    priority: outcome.priority,
    countedAt: counted ? (outcome.resolvedAt ?? now) : null,
    malfunctionResolved: outcome.nature === 'malfunction' ? resolved : 0,
    malfunctionWithin: outcome.nature === 'malfunction' ? within : 0,
    functionalResolved: outcome.nature === 'functional' ? resolved : 0,
    functionalWithin: outcome.nature === 'functional' ? within : 0,
    productionOverrunDays: production ? outcome.overrunDays : 0,
    productionOverThirtyDays: production && outcome.overrunMs > THIRTY_DAYS_MS ? 1 : 0,
    clientId: counted ? outcome.clientId : null,
    claimsAt: counted && outcome.clientId !== null ? outcome.penaltyClaimsAt : NO_CLAIMS,
    billableAt: billable ? outcome.receivedAt : null,
  };
}

interface PriorityTally {
  malfunctionResolved: number;
  malfunctionWithin: number;
  functionalResolved: number;
  functionalWithin: number;
  productionOverrunDays: number;
  productionOverThirtyDays: number;
  /** Claims per client, so that taking a ticket's claims out again leaves the other claims' clients. */
  readonly claims: Map<string, number>;
}

/**
 * Contributions summed, and taken out again when a ticket changes: the read side's accumulator. It is
 * mutated in place (a tally per period bucket, updated at every change of a ticket), never shared.
 */
export interface IndicatorTally {
  readonly byPriority: Record<Priority, PriorityTally>;
  billableOutOfContract: number;
}

const PRIORITIES: readonly Priority[] = ['P1', 'P2', 'P3'];

const emptyPriority = (): PriorityTally => ({
  malfunctionResolved: 0,
  malfunctionWithin: 0,
  functionalResolved: 0,
  functionalWithin: 0,
  productionOverrunDays: 0,
  productionOverThirtyDays: 0,
  claims: new Map(),
});

export function emptyIndicatorTally(): IndicatorTally {
  return { byPriority: { P1: emptyPriority(), P2: emptyPriority(), P3: emptyPriority() }, billableOutOfContract: 0 };
}

const within = (period: Period, at: number) => period.start <= at && at < period.end;

function countClaim(claims: Map<string, number>, clientId: string, sign: 1 | -1): void {
  const count = (claims.get(clientId) ?? 0) + sign;
  if (count === 0) claims.delete(clientId);
  else claims.set(clientId, count);
}

/** Adds (`sign` 1) or takes out (-1) the parts of a contribution that fall in `period`. */
export function tallyContribution(
  tally: IndicatorTally,
  contribution: IndicatorContribution,
  period: Period,
  sign: 1 | -1 = 1,
): void {
  const row = tally.byPriority[contribution.priority];
  if (contribution.countedAt !== null && within(period, contribution.countedAt)) {
    row.malfunctionResolved += sign * contribution.malfunctionResolved;
    row.malfunctionWithin += sign * contribution.malfunctionWithin;
    row.functionalResolved += sign * contribution.functionalResolved;
    row.functionalWithin += sign * contribution.functionalWithin;
    row.productionOverrunDays += sign * contribution.productionOverrunDays;
    row.productionOverThirtyDays += sign * contribution.productionOverThirtyDays;
  }
  if (contribution.clientId !== null) {
    for (const at of contribution.claimsAt) if (within(period, at)) countClaim(row.claims, contribution.clientId, sign);
  }
  if (contribution.billableAt !== null && within(period, contribution.billableAt)) tally.billableOutOfContract += sign;
}

/** Adds one tally into another: the months of a year, a period's settled tickets and its open ones. */
export function mergeIndicatorTally(into: IndicatorTally, from: IndicatorTally): void {
  for (const priority of PRIORITIES) {
    const target = into.byPriority[priority];
    const source = from.byPriority[priority];
    target.malfunctionResolved += source.malfunctionResolved;
    target.malfunctionWithin += source.malfunctionWithin;
    target.functionalResolved += source.functionalResolved;
    target.functionalWithin += source.functionalWithin;
    target.productionOverrunDays += source.productionOverrunDays;
    target.productionOverThirtyDays += source.productionOverThirtyDays;
    for (const [clientId, count] of source.claims)
      target.claims.set(clientId, (target.claims.get(clientId) ?? 0) + count);
  }
  into.billableOutOfContract += from.billableOutOfContract;
}

/** The five indicators a tally amounts to, shaped as `indicatorsFor` gives them. */
export function indicatorsOfTally(tally: IndicatorTally): Indicators {
  const clients = new Set<string>();
  const byPriority = {} as Record<Priority, PriorityIndicators>;
  for (const priority of PRIORITIES) {
    const row = tally.byPriority[priority];
    for (const clientId of row.claims.keys()) clients.add(clientId);
    byPriority[priority] = {
      malfunctions: { within: row.malfunctionWithin, resolved: row.malfunctionResolved },
      functional: { within: row.functionalWithin, resolved: row.functionalResolved },
      productionOverrunDays: row.productionOverrunDays,
      productionOverThirtyDays: row.productionOverThirtyDays,
      claimingClients: row.claims.size,
    };
  }
  return { byPriority, claimingClients: [...clients].sort(), billableOutOfContract: tally.billableOutOfContract };
}
