import { DAY_MS } from '../shared/time.ts';
import type { Priority } from '../ticket/ticket-classification.ts';
import type { TicketOutcome } from './ticket-outcome.ts';

/** A half-open period [start, end) in epoch ms: a civil year or month in the hotline's zone. */
export interface Period {
  readonly start: number;
  readonly end: number;
}

export interface WithinDeadlines {
  readonly within: number;
  readonly resolved: number;
}

export interface PriorityIndicators {
  /** 1. Malfunctions resolved in the period within deadlines, out of those resolved. */
  readonly malfunctions: WithinDeadlines;
  /** 2. Functional requests resolved in the period within deadlines, out of those resolved. */
  readonly functional: WithinDeadlines;
  /** 3. Overrun days of production tickets resolved in the period (open ones: in the period of now). */
  readonly productionOverrunDays: number;
  /** 4. Production tickets whose overrun exceeds 30 days, counted like 3. */
  readonly productionOverThirtyDays: number;
  /** 5. Clients that claimed penalties in the period, on tickets of this priority. */
  readonly claimingClients: number;
}

export interface Indicators {
  readonly byPriority: Readonly<Record<Priority, PriorityIndicators>>;
  /** 5 across priorities: a client claiming on P1 and P2 tickets counts once. */
  readonly claimingClients: readonly string[];
  /** Tickets received in the period without deadline, billed outside the contracts. */
  readonly billableOutOfContract: number;
}

const PRIORITIES: readonly Priority[] = ['P1', 'P2', 'P3'];
const THIRTY_DAYS_MS = 30 * DAY_MS;

const within = (period: Period, at: number) => period.start <= at && at < period.end;

/**
 * DOMAIN.md, "The indicators": the one definition that reporting, the dashboard and the audit share.
 * Only covered tickets count; the others are the billable out-of-contract interventions.
 */
export function indicatorsFor(period: Period, outcomes: readonly TicketOutcome[], now: number): Indicators {
  const counted = outcomes.filter((outcome) => outcome.coverage === 'covered' && !outcome.withdrawn);
  const byPriority = Object.fromEntries(
    PRIORITIES.map((priority) => [
      priority,
      priorityIndicators(
        period,
        counted.filter((outcome) => outcome.priority === priority),
        now,
      ),
    ]),
  ) as Record<Priority, PriorityIndicators>;
  return {
    byPriority,
    claimingClients: claimingClients(period, counted),
    billableOutOfContract: outcomes.filter(
      (outcome) =>
        within(period, outcome.receivedAt) &&
        (outcome.coverage === 'out_of_contract' || outcome.coverage === 'no_contract' || outcome.nature === 'service'),
    ).length,
  };
}

function priorityIndicators(period: Period, outcomes: readonly TicketOutcome[], now: number): PriorityIndicators {
  const resolvedIn = (nature: TicketOutcome['nature']): WithinDeadlines => {
    const resolved = outcomes.filter(
      (outcome) => outcome.nature === nature && outcome.resolvedAt !== null && within(period, outcome.resolvedAt),
    );
    return { within: resolved.filter((outcome) => outcome.withinDeadlines === true).length, resolved: resolved.length };
  };
  // An open ticket's overrun belongs to the period that holds `now`.
  const production = outcomes.filter(
    (outcome) => outcome.environment === 'production' && within(period, outcome.resolvedAt ?? now),
  );
  return {
    malfunctions: resolvedIn('malfunction'),
    functional: resolvedIn('functional'),
    productionOverrunDays: production.reduce((sum, outcome) => sum + outcome.overrunDays, 0),
    productionOverThirtyDays: production.filter((outcome) => outcome.overrunMs > THIRTY_DAYS_MS).length,
    claimingClients: claimingClients(period, outcomes).length,
  };
}

function claimingClients(period: Period, outcomes: readonly TicketOutcome[]): string[] {
  const clients = new Set<string>();
  for (const outcome of outcomes) {
    if (outcome.clientId !== null && outcome.penaltyClaimsAt.some((at) => within(period, at)))
      clients.add(outcome.clientId);
  }
  return [...clients].sort();
}
