import type { NatureWithDeadline, PenaltyClause } from '../contract/contract-terms.ts';
import type { TicketSla } from '../sla/ticket-sla.ts';
import type { Priority } from '../ticket/ticket-classification.ts';
import { type Cents, percentOf } from './money.ts';

export interface PenaltyBasis {
  readonly nature: string;
  readonly priority: Priority;
  readonly overrunDays: number;
}

/** How a ticket's penalty was derived, step by step, so an auditor can follow it. */
export interface TicketPenalty {
  readonly applies: boolean;
  readonly perDayCents: Cents;
  readonly overrunDays: number;
  readonly uncappedCents: Cents;
  readonly capCents: Cents;
  readonly amountCents: Cents;
  readonly capped: boolean;
}

const NONE: TicketPenalty = {
  applies: false,
  perDayCents: 0,
  overrunDays: 0,
  uncappedCents: 0,
  capCents: 0,
  amountCents: 0,
  capped: false,
};

export function dailyPenalty(clause: PenaltyClause, annualFeeCents: Cents, priority: Priority): Cents | null {
  const rate = clause.rates.find((each) => each.priority === priority);
  if (rate === undefined) return null;
  return rate.kind === 'fixed' ? rate.amountCentsPerDay : percentOf(annualFeeCents, rate.percentPerDay);
}

/** A ticket's penalty under its contract's clause, before the contract-year cap. */
export function ticketPenalty(clause: PenaltyClause | null, annualFeeCents: Cents, basis: PenaltyBasis): TicketPenalty {
  if (clause === null || !clause.natures.includes(basis.nature as NatureWithDeadline)) return NONE;
  const perDayCents = dailyPenalty(clause, annualFeeCents, basis.priority);
  if (perDayCents === null || perDayCents === 0) return NONE;
  const uncappedCents = perDayCents * basis.overrunDays;
  const capCents = percentOf(annualFeeCents, clause.perTicketCapPercent);
  return {
    applies: true,
    perDayCents,
    overrunDays: basis.overrunDays,
    uncappedCents,
    capCents,
    amountCents: Math.min(uncappedCents, capCents),
    capped: uncappedCents > capCents,
  };
}

/** The penalty of a ticket as its SLA stands: the resolution target's priority and nature, its overrun days. */
export function penaltyOfTicket(sla: TicketSla): TicketPenalty {
  const resolution = sla.evaluation.targets.find((target) => target.target === 'resolution');
  if (sla.terms === null || resolution === undefined) return NONE;
  return ticketPenalty(sla.terms.penaltyClause, sla.terms.annualFeeCents, {
    nature: resolution.nature,
    priority: resolution.priority,
    overrunDays: sla.evaluation.overrunDays,
  });
}
