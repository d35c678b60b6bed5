import {
  type SignedContract,
  slaEventRegistry,
  type TicketEvent,
  type TicketSla,
  ticketSla,
  toEpochMs,
} from '@hotline/domain';
import type { RecordedEvent } from '@hotline/eventstore';

export interface SlaEventCheck {
  readonly verdict: 'recomputes' | 'differs' | 'unverifiable';
  readonly detail: string;
}

/**
 * Whether a stored SLA warning or breach follows from the ticket's own events recorded before it: the
 * domain recomputes the target's crossing of that threshold (1 for a breach), which must be the stored
 * `dueAt`, as of the instant the SLA clock raised it (`at`, the event's occurredAt).
 */
export function checkSlaEvent(
  event: RecordedEvent,
  ticketEventsBefore: readonly TicketEvent[],
  contractOf: (contractId: string) => SignedContract | undefined,
  /** The ticket's SLA from those events at an instant, when the caller has it at hand (a replay). */
  slaAt: (now: number) => TicketSla = (now) => ticketSla(ticketEventsBefore, contractOf, now),
): SlaEventCheck {
  const parsed = slaEventRegistry.parseStored(event);
  if (!parsed.ok) return { verdict: 'unverifiable', detail: parsed.error.message };
  const fact = parsed.value;
  const threshold = fact.type === 'SlaBreached' ? 1 : fact.threshold;
  const crossedAt = toEpochMs(fact.dueAt);
  if (ticketEventsBefore.length === 0) return { verdict: 'differs', detail: 'no ticket event precedes it' };
  let sla: TicketSla;
  try {
    sla = slaAt(toEpochMs(fact.at));
  } catch (error) {
    return { verdict: 'unverifiable', detail: (error as Error).message };
  }
  const clock = sla.evaluation.targets.find((each) => each.target === fact.target);
  if (clock === undefined) return { verdict: 'differs', detail: `no ${fact.target} target applies to the ticket` };
  const crossing = clock.crossings.find((each) => Math.abs(each.threshold - threshold) < 1e-9);
  if (crossing?.at !== crossedAt) {
    const recomputed = crossing?.at == null ? 'none' : new Date(crossing.at).toISOString();
    return { verdict: 'differs', detail: `crossing stored ${fact.dueAt}, recomputed ${recomputed}` };
  }
  return {
    verdict: 'recomputes',
    detail: `${fact.target} at ${threshold * 100} % recomputes from the ticket's events`,
  };
}
