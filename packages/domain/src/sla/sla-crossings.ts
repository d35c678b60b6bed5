import type { NatureWithDeadline, SlaTargetName } from '../contract/contract-terms.ts';
import { toEpochMs, toInstant } from '../shared/time.ts';
import type { Nature, Priority } from '../ticket/ticket-classification.ts';
import type { SlaEvaluation } from './sla-evaluation.ts';
import { type SlaEvent, slaEvent } from './sla-events.ts';

/** A warning threshold or the breach of one target, at the instant the counted time reaches it. */
export interface SlaCrossing {
  readonly target: SlaTargetName;
  readonly nature: Nature;
  readonly priority: Priority;
  /** A warning threshold (share of the duration), or 1 for the breach. */
  readonly threshold: number;
  readonly at: number;
}

/** Only natures with deadlines have targets, hence crossings; said once rather than cast. */
function withDeadline(nature: Nature): NatureWithDeadline {
  if (nature !== 'malfunction' && nature !== 'functional') throw new Error(`No SLA crossing for a ${nature} ticket`);
  return nature;
}

const TARGET_ORDER: Readonly<Record<SlaTargetName, number>> = { takeCharge: 0, workaround: 1, resolution: 2 };

/**
 * Every crossing the evaluation knows of, past or ahead, in time order: the engine already dropped
 * those the milestone came first for. Targets that no longer apply (`void`: the ticket was rejected or
 * cancelled) raise nothing more.
 */
export function crossingsOf(evaluation: SlaEvaluation): SlaCrossing[] {
  const crossings: SlaCrossing[] = [];
  for (const target of evaluation.targets) {
    if (target.status === 'void') continue;
    for (const crossing of target.crossings) {
      if (crossing.at === null) continue;
      crossings.push({
        target: target.target,
        nature: target.nature,
        priority: target.priority,
        threshold: crossing.threshold,
        at: crossing.at,
      });
    }
  }
  return crossings.sort(
    (a, b) => a.at - b.at || a.threshold - b.threshold || TARGET_ORDER[a.target] - TARGET_ORDER[b.target],
  );
}

/**
 * The name of one crossing, the same whoever computes it and whenever: a redelivered event, a second
 * replica or a restart names the same crossing alike, so it is raised once (its event id derives from
 * it). A crossing that moves (a requalification, a backdated pause) is another crossing.
 */
export function crossingName(ticketId: string, crossing: Pick<SlaCrossing, 'target' | 'threshold' | 'at'>): string {
  return `sla/${ticketId}/${crossing.target}/${crossing.threshold}/${toInstant(crossing.at)}`;
}

/** The name of the crossing a recorded SLA event raised. */
export function crossingNameOf(event: SlaEvent): string {
  return crossingName(event.ticketId, crossingOf(event));
}

/**
 * A crossing within its ticket, as a set of raised crossings keys it: what the name says but the
 * ticket, without formatting instants, since a planner checks every crossing of a ticket against it.
 */
export function crossingKey(crossing: Pick<SlaCrossing, 'target' | 'threshold' | 'at'>): string {
  return `${crossing.target}/${crossing.threshold}/${crossing.at}`;
}

/** The key of the crossing a recorded SLA event raised. */
export function crossingKeyOf(event: SlaEvent): string {
  return crossingKey(crossingOf(event));
}

function crossingOf(event: SlaEvent): Pick<SlaCrossing, 'target' | 'threshold' | 'at'> {
  const threshold = event.type === 'SlaWarningRaised' ? event.threshold : 1;
  return { target: event.target, threshold, at: toEpochMs(event.dueAt) };
}

/**
 * A crossing is past once the instant is strictly after it: a milestone reached at the crossing
 * instant itself still meets the target (DOMAIN.md, clock rule 3), so nothing is raised before.
 */
export function raisableAt(crossing: Pick<SlaCrossing, 'at'>): number {
  return crossing.at + 1;
}

export interface CrossingPlan {
  /** Past and not raised yet: to raise now, late if the clock did not know in time. */
  readonly due: readonly SlaCrossing[];
  /** The first crossing still ahead, as far as the known pauses tell; null when none is. */
  readonly next: SlaCrossing | null;
  /** When a timer should fire for this ticket: now or earlier when some are due; null when nothing waits. */
  readonly wakeAt: number | null;
}

/** What the SLA clock owes a ticket at `now`, given the crossings already raised (by `crossingKey`). */
export function planCrossings(evaluation: SlaEvaluation, raised: ReadonlySet<string>, now: number): CrossingPlan {
  const due: SlaCrossing[] = [];
  let next: SlaCrossing | null = null;
  for (const crossing of crossingsOf(evaluation)) {
    if (raised.size > 0 && raised.has(crossingKey(crossing))) continue;
    if (raisableAt(crossing) <= now) due.push(crossing);
    else if (next === null) next = crossing;
  }
  const first = due[0] ?? next;
  return { due, next, wakeAt: first === null ? null : raisableAt(first) };
}

/** The SLA facts that raise `crossings` of a ticket covered by `contractId`, raised at `raisedAt` by `by`. */
export function slaEventsFor(
  ticketId: string,
  contractId: string,
  crossings: readonly SlaCrossing[],
  raisedAt: number,
  by: string,
): SlaEvent[] {
  return crossings.map((crossing) => {
    const shared = {
      ticketId,
      contractId,
      target: crossing.target,
      nature: withDeadline(crossing.nature),
      priority: crossing.priority,
      dueAt: toInstant(crossing.at),
      by,
      at: toInstant(raisedAt),
    };
    return crossing.threshold === 1
      ? slaEvent('SlaBreached', shared)
      : slaEvent('SlaWarningRaised', { ...shared, threshold: crossing.threshold });
  });
}
