import {
  type Agent,
  type AgentCandidate,
  type AgentEvent,
  type AgentState,
  agentEventRegistry,
  awaitsDispatch,
  evolveAgent,
  evolveTicket,
  initialAgentState,
  initialTicketState,
  isEnded,
  isOpen,
  type ProductSkill,
  readStored,
  type Ticket,
  type TicketEvent,
  type TicketState,
  ticketEventRegistry,
  toEpochMs,
} from '@hotline/domain';
import type { EventStore, RecordedEvent, Subscription } from '@hotline/eventstore';
import { leanTicket, streams } from '@hotline/platform';
import type { AgentEntry } from './agent-entry.ts';

const agentPrefix = streams.agent('');
const ticketPrefix = streams.ticket('');

/**
 * Who can take tickets, and how loaded each agent is: agents (active, available, skills) and the open
 * tickets assigned to each, folded from the `agent-` and `ticket-` streams by a subscription to the
 * store from its start. Each replica rebuilds it from the source of truth, so no replica trusts a
 * copy another one made.
 */
export class AgentDirectory {
  readonly #store: EventStore;
  #agents = new Map<string, AgentState>();
  /**
   * Tickets that may still move, lean (no description, attachments nor steps: dispatch reads none of
   * them, and every open ticket is here); ended ones can never come back, so they leave (their ids
   * stay below).
   */
  #tickets = new Map<string, TicketState>();
  #ended = new Set<string>();
  /** Open tickets by assignee: the load `chooseAgent` balances. */
  #load = new Map<string, Set<string>>();
  /**
   * Dispatches decided and still being written, ticket → agent. They weigh on the next decisions at
   * once, so a decision need not wait for the previous one's commit (nor for this directory to fold
   * it): decisions follow each other at the pace of reading, and their writes share commits.
   */
  #pending = new Map<string, string>();
  #pendingLoad = new Map<string, number>();
  #subscription: Subscription | undefined;

  constructor(store: EventStore) {
    this.#store = store;
  }

  /** Starts folding from the beginning of the log; `done` reports a stored event this reader cannot read. */
  start(): Subscription {
    this.#subscription ??= this.#store.subscribe((event) => this.#apply(event), {
      filter: { streamPrefixes: [agentPrefix, ticketPrefix] },
    });
    return this.#subscription;
  }

  async stop(): Promise<void> {
    await this.#subscription?.stop();
    this.#subscription = undefined;
  }

  /** Resolves once every event up to `position` of the global log is folded in (or was not for it). */
  async waitFor(position: bigint, options?: { timeoutMs?: number }): Promise<void> {
    if (this.#subscription === undefined) throw new Error('The agent directory is not started');
    await this.#subscription.waitFor(position, options);
  }

  /** Resolves once everything the store held when called is folded in: read-your-writes for a decision. */
  async caughtUp(options?: { timeoutMs?: number }): Promise<void> {
    await this.waitFor(await this.#store.headPosition(), options);
  }

  agent(agentId: string): AgentState {
    return this.#agents.get(agentId) ?? initialAgentState;
  }

  /**
   * Every agent who ever joined, as `chooseAgent` weighs them, by agent id as `entries` lists them.
   * Read on every dispatch: the load is the size of the agent's set, not a sorted copy of it (with
   * tickets never closed, the copy grew with the store and took a quarter of the product's time).
   */
  candidates(): AgentCandidate[] {
    const candidates: AgentCandidate[] = [];
    for (const state of this.#agents.values()) {
      if (state.status === 'none') continue;
      candidates.push({
        agentId: state.agentId,
        active: state.status === 'active',
        available: state.availability === 'available',
        skills: skillsOf(state),
        openTickets: (this.#load.get(state.agentId)?.size ?? 0) + (this.#pendingLoad.get(state.agentId) ?? 0),
      });
    }
    return candidates.sort((a, b) => a.agentId.localeCompare(b.agentId));
  }

  /**
   * The ticket is being dispatched to the agent: it weighs on the agent from now on, until this
   * directory folds an event that ends the ticket's wait (its assignment, whoever recorded it) or
   * `release` says the dispatch recorded nothing.
   */
  reserve(ticketId: string, agentId: string): void {
    this.release(ticketId);
    this.#pending.set(ticketId, agentId);
    this.#pendingLoad.set(agentId, (this.#pendingLoad.get(agentId) ?? 0) + 1);
  }

  release(ticketId: string): void {
    const agentId = this.#pending.get(ticketId);
    if (agentId === undefined) return;
    this.#pending.delete(ticketId);
    const load = (this.#pendingLoad.get(agentId) ?? 1) - 1;
    if (load === 0) this.#pendingLoad.delete(agentId);
    else this.#pendingLoad.set(agentId, load);
  }

  /** A dispatch of the ticket was decided and is being written. */
  isBeingDispatched(ticketId: string): boolean {
    return this.#pending.has(ticketId);
  }

  /** Complete requests nobody was given yet, oldest first: what an agent's return may take. */
  waitingTickets(): (Ticket & { readonly product: string })[] {
    const waiting: (Ticket & { readonly product: string })[] = [];
    for (const state of this.#tickets.values())
      if (waitsForDispatch(state) && !this.#pending.has(state.ticketId)) waiting.push(state);
    return waiting.sort(
      (a, b) => toEpochMs(a.receivedAt) - toEpochMs(b.receivedAt) || a.ticketId.localeCompare(b.ticketId),
    );
  }

  /** The directory as the manager reads it, each agent's open tickets by id: a copy, for the occasional view. */
  entries(): AgentEntry[] {
    const entries: AgentEntry[] = [];
    for (const state of this.#agents.values()) {
      if (state.status === 'none') continue;
      const tickets = [...(this.#load.get(state.agentId) ?? [])].sort();
      entries.push({
        agentId: state.agentId,
        name: state.name,
        role: state.role,
        active: state.status === 'active',
        availability: state.availability,
        skills: skillsOf(state),
        openTickets: tickets.length,
        tickets,
      });
    }
    return entries.sort((a, b) => a.agentId.localeCompare(b.agentId));
  }

  // An event this reader cannot read would silently skew every dispatch: `readStored` stops loudly instead.
  #apply(event: RecordedEvent): void {
    if (event.stream.startsWith(agentPrefix)) this.#applyAgent(event);
    else this.#applyTicket(event);
  }

  #applyAgent(recorded: RecordedEvent): void {
    const event = readStored(agentEventRegistry, recorded) as AgentEvent;
    this.#agents.set(event.agentId, evolveAgent(this.agent(event.agentId), event));
  }

  #applyTicket(recorded: RecordedEvent): void {
    const event = readStored(ticketEventRegistry, recorded) as TicketEvent;
    // Facts recorded on an ended ticket (a late client message, a penalty claim) change no one's load.
    if (this.#ended.has(event.ticketId)) return;
    const before = this.#tickets.get(event.ticketId) ?? initialTicketState;
    // The id as the ticket's first event spelled it, kept by every index: each event parsed brings a
    // copy of its own, which the load's sets would otherwise keep for as long as the ticket is open.
    const ticketId = before.status === 'none' ? event.ticketId : before.ticketId;
    const after = evolveTicket(before, event);
    this.#moveLoad(ticketId, loadHolder(before), loadHolder(after));
    if (!waitsForDispatch(after)) this.release(ticketId);
    if (after.status !== 'none' && isEnded(after)) {
      this.#tickets.delete(ticketId);
      this.#ended.add(ticketId);
    } else {
      this.#tickets.set(ticketId, after.status === 'none' ? after : leanTicket(after, { descriptionLength: 0 }));
    }
  }

  #moveLoad(ticketId: string, from: string | undefined, to: string | undefined): void {
    if (from === to) return;
    if (from !== undefined) this.#load.get(from)?.delete(ticketId);
    if (to !== undefined) {
      const tickets = this.#load.get(to) ?? new Set<string>();
      tickets.add(ticketId);
      this.#load.set(to, tickets);
    }
  }
}

function skillsOf(agent: Agent): ProductSkill[] {
  return Object.entries(agent.skills).map(([product, level]) => ({ product, level }));
}

function waitsForDispatch(state: TicketState): state is Ticket & { readonly product: string } {
  return state.status !== 'none' && awaitsDispatch(state);
}

/** A ticket weighs on its assignee until it is resolved (again after a reopening), as `AgentCandidate` says. */
function loadHolder(state: TicketState): string | undefined {
  return state.status !== 'none' && isOpen(state) ? state.assignee : undefined;
}
