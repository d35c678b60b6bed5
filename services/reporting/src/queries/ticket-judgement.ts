import {
  type ContractTerms,
  evaluateSla,
  foldClockFacts,
  overrunDaysOf,
  penaltyOfTicket,
  type TermsVersion,
  type TicketOutcome,
  type TicketPenalty,
  type TicketSla,
  termsInForce,
} from '@hotline/domain';
import { NONE } from '@hotline/platform';
import type { ContractRecord } from '../projections/contract-record.ts';
import type { TicketRecord } from '../projections/ticket-record.ts';

/** A ticket judged by the domain at an instant: its SLA, the outcome the indicators read, its penalty. */
export interface Judgement {
  readonly sla: TicketSla;
  readonly outcome: TicketOutcome;
  readonly penalty: TicketPenalty;
  /** The version of the terms it is judged by (in force at reception); null without deadline. */
  readonly termsVersion: TermsVersion | null;
  /** A covered ticket whose contract has not reached the read side yet: judged without deadline for now. */
  readonly contractPending: boolean;
}

/**
 * DOMAIN.md's judgement of one ticket from its record, exactly as `ticketOutcomeOf(events, ticketSla(…))`
 * reads it from the events (a spec holds the two together): the clock facts folded, the terms in
 * force at reception, the SLA evaluated at `now`.
 */
export function judgeTicket(record: TicketRecord, contract: ContractRecord | undefined, now: number): Judgement {
  const { ticket } = record;
  const timeline = foldClockFacts(record.facts);
  const coverage = ticket.coverage;
  const covered = coverage.status === 'covered' && coverage.contractId !== null;
  const termsVersion =
    covered && contract !== undefined ? (termsInForce(contract.contract, timeline.receivedAt) ?? null) : null;
  const terms: ContractTerms | null = termsVersion?.terms ?? null;
  const evaluation = evaluateSla(timeline, terms, now);
  const sla: TicketSla = { coverage, terms, timeline, evaluation };
  return {
    sla,
    outcome: {
      ticketId: ticket.ticketId,
      clientId: ticket.clientId ?? null,
      coverage: coverage.status,
      nature: ticket.nature,
      priority: ticket.priority,
      environment: ticket.environment ?? null,
      receivedAt: timeline.receivedAt,
      resolvedAt: evaluation.resolvedAt,
      withdrawn: ticket.status === 'rejected' || ticket.status === 'cancelled',
      withinDeadlines: evaluation.withinDeadlines,
      overrunMs: evaluation.overrunMs,
      overrunDays: evaluation.overrunDays,
      // Most tickets have none, and their contributions keep this list: one empty list for all.
      penaltyClaimsAt: record.claims.length === 0 ? NONE : record.claims.map((claim) => claim.claimedAt),
    },
    penalty: penaltyOfTicket(sla),
    termsVersion,
    contractPending: covered && contract === undefined,
  };
}

/**
 * Until when a judgement made at `evaluatedAt` reads the same (statuses, due instants, overrun) for
 * any later instant, with the same facts and terms: forever for a resolved or stopped ticket; until
 * the next due instant for an open one; not past the instant itself once an open ticket is overrunning.
 * Counted time moves on regardless: views that show it judge afresh.
 */
export function judgementValidUntil(judgement: Judgement, evaluatedAt: number): number {
  const { timeline, evaluation } = judgement.sla;
  if (timeline.resolutionAt !== null || timeline.stoppedAt !== null) return Number.POSITIVE_INFINITY;
  let until = Number.POSITIVE_INFINITY;
  for (const target of evaluation.targets) {
    if (target.reachedAt !== null || target.dueAt === null) continue;
    if (target.dueAt > evaluatedAt) until = Math.min(until, target.dueAt);
    else if (target.target === 'resolution') until = Math.min(until, evaluatedAt + 1);
  }
  return until;
}

/**
 * Until when a judgement made at `evaluatedAt` reads the same but for an open ticket's overrun (and
 * counted time): the next due instant of a target not reached yet. Up to then `overrunAt` reads it.
 */
export function judgementStableUntil(judgement: Judgement, evaluatedAt: number): number {
  const { timeline, evaluation } = judgement.sla;
  if (timeline.resolutionAt !== null || timeline.stoppedAt !== null) return Number.POSITIVE_INFINITY;
  let until = Number.POSITIVE_INFINITY;
  for (const target of evaluation.targets) {
    // A target due at the very instant is not breached yet, and is a millisecond later: not stable.
    if (target.reachedAt === null && target.dueAt !== null && target.dueAt >= evaluatedAt)
      until = Math.min(until, target.dueAt);
  }
  return until;
}

/**
 * An open ticket's judgement read at a later `now` within its stable span: the overrun runs on to
 * `now` as `evaluateSla` counts it (`now − resolution due`), and the penalty follows it. Re-judging
 * the hundreds of overrunning open tickets at every query is what this spares. `previous`: an
 * earlier reading of the same judgement.
 */
export function overrunAt(judgement: Judgement, now: number, previous?: Judgement): Judgement {
  const { sla } = judgement;
  if (sla.timeline.resolutionAt !== null || sla.timeline.stoppedAt !== null) return judgement;
  const resolution = sla.evaluation.targets.find((target) => target.target === 'resolution');
  if (resolution?.dueAt == null) return judgement;
  const overrunMs = Math.max(0, now - resolution.dueAt);
  if (overrunMs === sla.evaluation.overrunMs) return judgement;
  const overrunDays = overrunDaysOf(overrunMs);
  const moved: TicketSla = { ...sla, evaluation: { ...sla.evaluation, overrunMs, overrunDays } };
  return {
    ...judgement,
    sla: moved,
    outcome: { ...judgement.outcome, overrunMs, overrunDays },
    // The penalty moves by whole days: the last reading's serves while the days stand.
    penalty: previous?.outcome.overrunDays === overrunDays ? previous.penalty : penaltyOfTicket(moved),
  };
}
