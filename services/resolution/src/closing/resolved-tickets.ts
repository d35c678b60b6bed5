import type { CoverageVerdict, TicketEvent } from '@hotline/domain';
import { sharedCoverage } from '@hotline/platform';

export interface ResolvedTicket {
  readonly ticketId: string;
  /** The last resolution: the reopen window counts from it. */
  readonly resolvedAt: string;
  readonly receivedAt: string;
  /** Names the contract whose terms set the window. */
  readonly coverage: CoverageVerdict;
}

/** The ticket events this read model needs; the subscription skips the others. */
export const resolvedTicketsEventTypes = [
  'TicketReceived',
  'TicketRequalified',
  'TicketResolved',
  'TicketReopened',
  'TicketClosed',
  'TicketRejected',
  'TicketCancelled',
] as const satisfies readonly TicketEvent['type'][];

interface OpenTicket {
  readonly receivedAt: string;
  readonly coverage: CoverageVerdict;
}

/**
 * The tickets resolved and not closed: the candidates for closing once their reopen window elapses.
 * Kept in memory and rebuilt from the store at start (embedded mode); it remembers every ticket not
 * ended yet, for its reception and coverage, and forgets it once closed, rejected or cancelled.
 */
export class ResolvedTickets {
  #open = new Map<string, OpenTicket>();
  #resolved = new Map<string, ResolvedTicket>();
  #onResolved = new Set<() => void>();

  apply(event: TicketEvent): void {
    switch (event.type) {
      case 'TicketReceived':
        this.#open.set(event.ticketId, { receivedAt: event.at, coverage: sharedCoverage(event.coverage) });
        return;
      case 'TicketRequalified': {
        const ticket = this.#open.get(event.ticketId);
        if (ticket !== undefined)
          this.#open.set(event.ticketId, { ...ticket, coverage: sharedCoverage(event.coverage) });
        return;
      }
      case 'TicketResolved': {
        const ticket = this.#open.get(event.ticketId);
        if (ticket === undefined) return;
        this.#resolved.set(event.ticketId, { ticketId: event.ticketId, resolvedAt: event.at, ...ticket });
        for (const listener of this.#onResolved) listener();
        return;
      }
      case 'TicketReopened':
        this.#resolved.delete(event.ticketId);
        return;
      case 'TicketClosed':
      case 'TicketRejected':
      case 'TicketCancelled':
        this.forget(event.ticketId);
        return;
      default:
        return;
    }
  }

  /** Drops a ticket known to be ended, before its event comes back through the subscription. */
  forget(ticketId: string): void {
    this.#open.delete(ticketId);
    this.#resolved.delete(ticketId);
  }

  resolved(): ResolvedTicket[] {
    return [...this.#resolved.values()];
  }

  /** Called on every new resolution: the closer may have to wake earlier than it planned. */
  onResolved(listener: () => void): () => void {
    this.#onResolved.add(listener);
    return () => this.#onResolved.delete(listener);
  }
}
