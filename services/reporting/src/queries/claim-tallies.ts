import type { Period } from '@hotline/domain';
import type { PenaltyClaimRecord } from '../projections/ticket-record.ts';
import { civilMonthIndexOf, wholeMonthsOf } from './periods.ts';
import type { TicketEntry } from './reporting-view.ts';

/** What a client's claims in a period amount to, and the tickets they were made on. */
export interface ClaimTally {
  claims: number;
  claimedCents: number;
  open: number;
  settled: number;
  settledCents: number;
  waived: number;
  /** Ticket ids and their place in the view (the order the answer lists them in). */
  readonly tickets: Map<string, number>;
}

export const emptyClaimTally = (): ClaimTally => ({
  claims: 0,
  claimedCents: 0,
  open: 0,
  settled: 0,
  settledCents: 0,
  waived: 0,
  tickets: new Map(),
});

/** Adds (1) or takes out (-1) one claim. */
export function tallyClaim(tally: ClaimTally, claim: PenaltyClaimRecord, sign: 1 | -1): void {
  tally.claims += sign;
  tally.claimedCents += sign * (claim.claimedCents ?? 0);
  if (claim.status === 'open') tally.open += sign;
  if (claim.status === 'settled') tally.settled += sign;
  tally.settledCents += sign * (claim.settledCents ?? 0);
  if (claim.status === 'waived') tally.waived += sign;
}

/** The claims that count (indicator 5's rule): a client's covered ticket, neither rejected nor cancelled. */
export function countedClaims(entry: TicketEntry): readonly PenaltyClaimRecord[] {
  const { ticket, claims } = entry.record;
  if (ticket.clientId === undefined || ticket.coverage.status !== 'covered') return [];
  if (ticket.status === 'rejected' || ticket.status === 'cancelled') return [];
  return claims;
}

interface TicketClaims {
  readonly clientId: string;
  readonly place: number;
  readonly claims: readonly PenaltyClaimRecord[];
}

/**
 * Claims per civil month (of the claim) and client, kept as tickets change: the clients that claimed
 * in whole months sum their months, whatever the number of tickets with claims.
 */
export class ClaimTallies {
  readonly #byTicket = new Map<string, TicketClaims>();
  readonly #months = new Map<number, Map<string, ClaimTally>>();
  /** Answers worked out from the tallies, by period and client, until a claim changes. */
  readonly #answers = new Map<string, unknown>();

  clear(): void {
    this.#byTicket.clear();
    this.#months.clear();
    this.#answers.clear();
  }

  /**
   * The answer `make` works out for `key`, kept until a claim changes: the dashboard asks the same
   * year again and again, and the answer lists every ticket with claims.
   */
  remembered<T>(key: string, make: () => T): T {
    if (!this.#answers.has(key)) this.#answers.set(key, make());
    return this.#answers.get(key) as T;
  }

  replace(entry: TicketEntry): void {
    const { ticketId, clientId } = entry.record.ticket;
    const previous = this.#byTicket.get(ticketId);
    if (previous !== undefined) {
      this.#answers.clear();
      this.#byTicket.delete(ticketId);
      this.#tally(ticketId, previous, -1);
    }
    const claims = countedClaims(entry);
    if (claims.length === 0 || clientId === undefined) return;
    this.#answers.clear();
    const counted: TicketClaims = { clientId, place: entry.place, claims };
    this.#byTicket.set(ticketId, counted);
    this.#tally(ticketId, counted, 1);
  }

  /** Per client, its claims in a period (of one client); null when the period is not whole months. */
  claimsIn(period: Period, clientId?: string): Map<string, ClaimTally> | null {
    const months = wholeMonthsOf(period);
    if (months === null) return null;
    const byClient = new Map<string, ClaimTally>();
    for (let month = months.first; month < months.end; month++) {
      const clients = this.#months.get(month);
      if (clients === undefined) continue;
      const parts = clientId === undefined ? clients : new Map([[clientId, clients.get(clientId)]]);
      for (const [client, part] of parts) {
        if (part === undefined || part.claims === 0) continue;
        let tally = byClient.get(client);
        if (tally === undefined) {
          tally = emptyClaimTally();
          byClient.set(client, tally);
        }
        tally.claims += part.claims;
        tally.claimedCents += part.claimedCents;
        tally.open += part.open;
        tally.settled += part.settled;
        tally.settledCents += part.settledCents;
        tally.waived += part.waived;
        for (const [ticketId, place] of part.tickets) tally.tickets.set(ticketId, place);
      }
    }
    return byClient;
  }

  #tally(ticketId: string, counted: TicketClaims, sign: 1 | -1): void {
    for (const claim of counted.claims) {
      const month = civilMonthIndexOf(claim.claimedAt);
      let clients = this.#months.get(month);
      if (clients === undefined) {
        clients = new Map();
        this.#months.set(month, clients);
      }
      let tally = clients.get(counted.clientId);
      if (tally === undefined) {
        tally = emptyClaimTally();
        clients.set(counted.clientId, tally);
      }
      tallyClaim(tally, claim, sign);
      if (sign === 1) tally.tickets.set(ticketId, counted.place);
      else tally.tickets.delete(ticketId);
    }
  }
}
