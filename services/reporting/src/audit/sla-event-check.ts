import { type SignedContract, type TicketEvent, type TicketSla, ticketSla } from '@hotline/domain';
import type { RecordedEvent } from '@hotline/eventstore';

export interface SlaEventCheck {
  readonly verdict: 'recomputes' | 'differs' | 'unverifiable';
  readonly detail: string;
}

const instantOf = (value: unknown) =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? Date.parse(value) : null;

/**
 * Whether a stored SLA warning or breach follows from the ticket's own events recorded before it: the
 * domain recomputes the target's crossing and due instants, which must be the stored ones. The SLA
 * clock owns these events' schema; this reads `target`, `threshold` (1 for a breach), and the instants
 * it carries among `crossedAt`/`at` (the crossing) and `dueAt` (the target's due instant).
 */
export function checkSlaEvent(
  event: RecordedEvent,
  ticketEventsBefore: readonly TicketEvent[],
  contractOf: (contractId: string) => SignedContract | undefined,
  /** The ticket's SLA from those events at an instant, when the caller has it at hand (a replay). */
  slaAt: (now: number) => TicketSla = (now) => ticketSla(ticketEventsBefore, contractOf, now),
): SlaEventCheck {
  const { data } = event;
  const target = typeof data.target === 'string' ? data.target : null;
  const threshold = typeof data.threshold === 'number' ? data.threshold : event.type === 'SlaBreached' ? 1 : null;
  const crossedAt = instantOf(data.crossedAt) ?? instantOf(data.at);
  const dueAt = instantOf(data.dueAt);
  if (target === null || threshold === null || (crossedAt === null && dueAt === null)) {
    return {
      verdict: 'unverifiable',
      detail: `${event.type} names no target, threshold or instant this audit can read`,
    };
  }
  if (ticketEventsBefore.length === 0) return { verdict: 'differs', detail: 'no ticket event precedes it' };
  let sla: TicketSla;
  try {
    sla = slaAt(Date.parse(event.occurredAt));
  } catch (error) {
    return { verdict: 'unverifiable', detail: (error as Error).message };
  }
  const clock = sla.evaluation.targets.find((each) => each.target === target);
  if (clock === undefined) return { verdict: 'differs', detail: `no ${target} target applies to the ticket` };
  const crossing = clock.crossings.find((each) => Math.abs(each.threshold - threshold) < 1e-9);
  const problems: string[] = [];
  if (crossedAt !== null && crossing?.at !== crossedAt) {
    problems.push(
      `crossing stored ${new Date(crossedAt).toISOString()}, recomputed ${crossing?.at == null ? 'none' : new Date(crossing.at).toISOString()}`,
    );
  }
  if (dueAt !== null && clock.dueAt !== dueAt) {
    problems.push(
      `due stored ${new Date(dueAt).toISOString()}, recomputed ${clock.dueAt === null ? 'none (paused)' : new Date(clock.dueAt).toISOString()}`,
    );
  }
  return problems.length === 0
    ? { verdict: 'recomputes', detail: `${target} at ${threshold * 100} % recomputes from the ticket's events` }
    : { verdict: 'differs', detail: problems.join('; ') };
}
