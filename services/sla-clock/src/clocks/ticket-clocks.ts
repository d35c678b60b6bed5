import {
  type ClockFact,
  type ContractEvent,
  type ContractTerms,
  clockFactOf,
  contractEventRegistry,
  crossingKeyOf,
  type EventRegistry,
  planCrossings,
  type SignedContract,
  type SlaEvaluation,
  type SlaEvent,
  slaEventRegistry,
  type TicketEvent,
  ticketEventRegistry,
} from '@hotline/domain';
import type { RecordedEvent } from '@hotline/eventstore';
import { leanClockFact } from '@hotline/platform';
import type { TimerSchedule } from '../timers/timer-store.ts';
import { ContractBook } from './contract-book.ts';
import { DueIndex } from './due-index.ts';
import {
  advance,
  evaluateTracked,
  noneRaised,
  type TimerKind,
  type TrackedTicket,
  termsOfTracked,
} from './tracked-ticket.ts';

/** The streams the SLA clock follows: tickets, the contracts that judge them, and its own facts. */
export const followedStreams = ['ticket-', 'contract-', 'sla-'] as const;

const endingTypes: ReadonlySet<string> = new Set(['TicketClosed', 'TicketRejected', 'TicketCancelled']);

/**
 * The read model of the SLA clock: every ticket that may still owe a warning or a breach, with its
 * clock facts, its contract and what was raised, folded from the store's log in order. `apply` takes
 * each event once (a position it has seen changes nothing); `plan` turns the tickets changed since
 * the last call into timer schedules, so a burst of events on one ticket is evaluated once.
 */
export class TicketClocks {
  #tickets = new Map<string, TrackedTicket>();
  #ticketsOfContract = new Map<string, Set<string>>();
  #contracts = new ContractBook();
  #contractPositions = new Map<string, bigint>();
  #changed = new Set<string>();
  #due = new DueIndex();
  #pending: Record<TimerKind, number> = { warning: 0, breach: 0 };

  /** Tickets followed: open ones, and ended ones with something left to raise. */
  get size(): number {
    return this.#tickets.size;
  }

  /** Tickets whose next timer is a warning, a breach. */
  get pending(): Readonly<Record<TimerKind, number>> {
    return this.#pending;
  }

  get due(): DueIndex {
    return this.#due;
  }

  /** Every ticket followed, in no particular order. */
  tickets(): IterableIterator<TrackedTicket> {
    return this.#tickets.values();
  }

  ticket(ticketId: string): TrackedTicket | undefined {
    return this.#tickets.get(ticketId);
  }

  contract(contractId: string): SignedContract | undefined {
    return this.#contracts.contract(contractId);
  }

  evaluate(ticket: TrackedTicket, now: number): SlaEvaluation {
    return evaluateTracked(ticket, (id) => this.#contracts.contract(id), now);
  }

  /** The terms in force at the ticket's reception, null without a contract. */
  terms(ticket: TrackedTicket): ContractTerms | null {
    return termsOfTracked(ticket, (id) => this.#contracts.contract(id));
  }

  apply(recorded: RecordedEvent): void {
    if (recorded.stream.startsWith('ticket-')) this.#applyTicketEvent(recorded);
    else if (recorded.stream.startsWith('contract-')) this.#applyContractEvent(recorded);
    else if (recorded.stream.startsWith('sla-')) this.#applySlaEvent(recorded);
  }

  /**
   * The schedules of the tickets changed since the last call, evaluated at `now`. A ticket that ended
   * and has nothing left to raise is dropped, and its timer's version with it.
   */
  plan(now: number): TimerSchedule[] {
    const schedules: TimerSchedule[] = [];
    for (const ticketId of this.#changed) {
      const ticket = this.#tickets.get(ticketId);
      if (ticket === undefined) continue;
      const evaluation = this.evaluate(ticket, now);
      const plan = planCrossings(evaluation, ticket.raised ?? noneRaised, now);
      if (ticket.ended && plan.wakeAt === null) {
        this.#drop(ticket);
        schedules.push({ ticketId, at: null, version: BigInt(ticket.version), forget: true });
        continue;
      }
      this.#due.update(ticketId, evaluation);
      const first = plan.due[0] ?? plan.next;
      const kind: TimerKind | null = first === null ? null : first.threshold === 1 ? 'breach' : 'warning';
      this.#setKind(ticket, kind);
      // Only a moved timer is written: every replica moves it at the same events, hence the same versions.
      if (plan.wakeAt !== ticket.wakeAt) {
        ticket.wakeAt = plan.wakeAt;
        schedules.push({ ticketId, at: plan.wakeAt, version: BigInt(ticket.version) });
      }
    }
    this.#changed.clear();
    return schedules;
  }

  /** The timer store did not take these schedules: plan their tickets again next time. */
  unwritten(schedules: readonly TimerSchedule[]): void {
    for (const { ticketId } of schedules) {
      const ticket = this.#tickets.get(ticketId);
      if (ticket === undefined) continue;
      ticket.wakeAt = undefined;
      this.#changed.add(ticketId);
    }
  }

  #applyTicketEvent(recorded: RecordedEvent): void {
    const event = parse<TicketEvent>(ticketEventRegistry, recorded);
    if (event === undefined) return;
    if (event.type === 'TicketReceived') {
      if (this.#tickets.has(event.ticketId)) return;
      const fact = leanClockFact(clockFactOf(event)!);
      const ticket: TrackedTicket = {
        ticketId: event.ticketId,
        facts: [fact],
        contractId: null,
        raised: undefined,
        ended: false,
        version: Number(recorded.position),
        wakeAt: null,
        wakeKind: null,
      };
      this.#tickets.set(ticket.ticketId, ticket);
      this.#cover(ticket, event.coverage.status === 'covered' ? event.coverage.contractId : null);
      this.#changed.add(ticket.ticketId);
      return;
    }
    const ticket = this.#tickets.get(event.ticketId);
    // Unknown: dropped after it ended (later facts such as penalty claims move no clock), or seen before.
    if (ticket === undefined || !advance(ticket, recorded.position)) return;
    if ('coverage' in event && event.coverage !== undefined) {
      this.#cover(ticket, event.coverage.status === 'covered' ? event.coverage.contractId : null);
    }
    const fact: ClockFact | null = clockFactOf(event);
    if (fact !== null) ticket.facts.push(leanClockFact(fact));
    if (endingTypes.has(event.type)) ticket.ended = true;
    this.#changed.add(ticket.ticketId);
  }

  #applyContractEvent(recorded: RecordedEvent): void {
    const event = parse<ContractEvent>(contractEventRegistry, recorded);
    if (event === undefined) return;
    if (recorded.position <= (this.#contractPositions.get(event.contractId) ?? -1n)) return;
    this.#contractPositions.set(event.contractId, recorded.position);
    this.#contracts.apply(event);
    // An amendment may change the terms of tickets received since it took effect: plan them again.
    for (const ticketId of this.#ticketsOfContract.get(event.contractId) ?? []) {
      const ticket = this.#tickets.get(ticketId)!;
      ticket.version = Number(recorded.position);
      this.#changed.add(ticketId);
    }
  }

  #applySlaEvent(recorded: RecordedEvent): void {
    const event = parse<SlaEvent>(slaEventRegistry, recorded);
    if (event === undefined) return;
    const ticket = this.#tickets.get(event.ticketId);
    if (ticket === undefined || !advance(ticket, recorded.position)) return;
    ticket.raised ??= new Set();
    ticket.raised.add(crossingKeyOf(event));
    this.#changed.add(ticket.ticketId);
  }

  #cover(ticket: TrackedTicket, contractId: string | null): void {
    if (ticket.contractId === contractId) return;
    if (ticket.contractId !== null) this.#ticketsOfContract.get(ticket.contractId)?.delete(ticket.ticketId);
    ticket.contractId = contractId;
    if (contractId === null) return;
    let tickets = this.#ticketsOfContract.get(contractId);
    if (tickets === undefined) {
      tickets = new Set();
      this.#ticketsOfContract.set(contractId, tickets);
    }
    tickets.add(ticket.ticketId);
  }

  #setKind(ticket: TrackedTicket, kind: TimerKind | null): void {
    if (ticket.wakeKind === kind) return;
    if (ticket.wakeKind !== null) this.#pending[ticket.wakeKind] -= 1;
    if (kind !== null) this.#pending[kind] += 1;
    ticket.wakeKind = kind;
  }

  #drop(ticket: TrackedTicket): void {
    this.#setKind(ticket, null);
    this.#cover(ticket, null);
    this.#due.remove(ticket.ticketId);
    this.#tickets.delete(ticket.ticketId);
  }
}

type Registry = Pick<EventRegistry, 'parseStored'>;

/**
 * The event as its aggregate's registry reads it; undefined for a type this reader does not know
 * (a newer writer's event that moves no clock here). A known type that does not validate is a
 * corrupt record: stopping beats planning on a wrong state.
 */
function parse<E>(registry: Registry, recorded: RecordedEvent): E | undefined {
  const parsed = registry.parseStored(recorded);
  if (parsed.ok) return parsed.value as E;
  if (parsed.error.code === 'event.unknown_type') return undefined;
  throw new Error(`${recorded.stream}@${recorded.revision}: ${parsed.error.message}`);
}
