import {
  crossingName,
  crossingNameOf,
  crossingsOf,
  type EventRegistry,
  raisableAt,
  type SignedContract,
  type SlaEvent,
  slaEventRegistry,
  type TicketEvent,
  ticketEventRegistry,
  ticketSla,
  toEpochMs,
} from '@hotline/domain';
import type { EventStore, RecordedEvent } from '@hotline/eventstore';

export interface SlaAudit {
  readonly tickets: number;
  readonly facts: number;
  /** Facts raised after the millisecond that followed their crossing. */
  readonly late: number;
  readonly problems: readonly string[];
}

interface TicketHistory {
  readonly events: { readonly position: bigint; readonly event: TicketEvent }[];
  readonly facts: { readonly position: bigint; readonly fact: SlaEvent }[];
}

/**
 * What an auditor checks of the SLA clock's facts, from the store alone: each crossing raised once;
 * each fact a crossing of the ticket's SLA as the events recorded before it show it, past when it was
 * raised; every crossing of the final histories raised by `end`; and, for a clock that ran as the
 * tickets lived, on time where nothing made it late (only a requalification can: it makes crossings
 * of the new priority past at once).
 */
export async function auditSlaFacts(
  store: EventStore,
  contractOf: (contractId: string) => SignedContract | undefined,
  end: number,
  /** False when the clock was not running as the tickets lived (history loaded before it started). */
  inTime = true,
): Promise<SlaAudit> {
  const histories = new Map<string, TicketHistory>();
  const historyOf = (ticketId: string) => {
    let history = histories.get(ticketId);
    if (history === undefined) {
      history = { events: [], facts: [] };
      histories.set(ticketId, history);
    }
    return history;
  };
  for (const recorded of await store.readAll()) {
    if (recorded.stream.startsWith('ticket-')) {
      const event = parsed<TicketEvent>(ticketEventRegistry, recorded);
      historyOf(event.ticketId).events.push({ position: recorded.position, event });
    } else if (recorded.stream.startsWith('sla-')) {
      const fact = parsed<SlaEvent>(slaEventRegistry, recorded);
      historyOf(fact.ticketId).facts.push({ position: recorded.position, fact });
    }
  }

  const problems: string[] = [];
  let facts = 0;
  let late = 0;
  for (const [ticketId, { events, facts: raised }] of histories) {
    const names = new Set<string>();
    const requalified = events.some(({ event }) => event.type === 'TicketRequalified');
    for (const { position, fact } of raised) {
      facts += 1;
      const name = crossingNameOf(fact);
      if (names.has(name)) problems.push(`${name} raised twice`);
      names.add(name);
      const raisedAt = toEpochMs(fact.at);
      const known = events.filter((each) => each.position < position).map((each) => each.event);
      const crossing = crossingsOf(ticketSla(known, contractOf, raisedAt).evaluation).find(
        (each) => crossingName(ticketId, each) === name,
      );
      if (crossing === undefined) problems.push(`${name} is no crossing of what was known when it was raised`);
      else if (raisableAt(crossing) > raisedAt) problems.push(`${name} raised before it was past`);
      else if (raisedAt > raisableAt(crossing)) {
        late += 1;
        if (inTime && !requalified) problems.push(`${name} raised late at ${fact.at} though nothing made it late`);
      }
    }
    const final = ticketSla(
      events.map((each) => each.event),
      contractOf,
      end,
    );
    for (const crossing of crossingsOf(final.evaluation)) {
      const name = crossingName(ticketId, crossing);
      if (raisableAt(crossing) <= end && !names.has(name)) problems.push(`${name} never raised`);
    }
  }
  return { tickets: histories.size, facts, late, problems };
}

function parsed<E>(registry: Pick<EventRegistry, 'parseStored'>, recorded: RecordedEvent): E {
  const result = registry.parseStored(recorded);
  if (!result.ok) throw new Error(`${recorded.stream}@${recorded.revision} does not read`);
  return result.value as E;
}
