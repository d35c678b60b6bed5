import type { CoverageVerdict } from '../contract/coverage-verdict.ts';
import type { Instant } from '../shared/time.ts';
import type { AttachmentRef, Nature, Priority, TicketStatus } from './ticket-classification.ts';
import type { RequestDetails } from './ticket-request.ts';

export type PenaltyClaimStatus = 'open' | 'settled' | 'waived';

/** Where a ticket goes back to when the customer replies. */
export type WorkStatus = 'in_progress' | 'workaround_provided';

/** The milestones the rules need; the SLA clock recomputes its own facts from the events. */
export interface TicketMilestones {
  readonly takeCharge?: Instant;
  /** The first workaround: a later one does not move the milestone. */
  readonly workaround?: Instant;
  /** The last resolution; cleared by a reopening (DOMAIN.md, clock rule 6). */
  readonly resolution?: Instant;
}

/** What the rules of the ticket need to know, derived from its events only. */
export interface Ticket extends RequestDetails {
  readonly status: TicketStatus;
  readonly ticketId: string;
  readonly nature: Nature;
  readonly priority: Priority;
  readonly coverage: CoverageVerdict;
  readonly attachments: readonly AttachmentRef[];
  readonly externalId?: string;
  /** What the client was last asked for; empty once the request is complete. */
  readonly missing: readonly string[];
  readonly assignee?: string;
  readonly receivedAt: Instant;
  /** The instant of the last change of status or qualification: a later one cannot come before it. */
  readonly lastTransitionAt: Instant;
  readonly milestones: TicketMilestones;
  readonly reopenCount: number;
  /** Set while `awaiting_customer`. */
  readonly resumeStatus?: WorkStatus;
  readonly penaltyClaims: Readonly<Record<string, PenaltyClaimStatus>>;
  readonly complaints: readonly string[];
  readonly linkedArticles: readonly string[];
  readonly minutesSpent: number;
}

export type TicketState = { readonly status: 'none' } | Ticket;

export const initialTicketState: TicketState = { status: 'none' };

/** Statuses after which nothing in the lifecycle changes anymore. */
export const endStatuses = ['closed', 'rejected', 'cancelled'] as const satisfies readonly TicketStatus[];
export type EndStatus = (typeof endStatuses)[number];

/** Open: neither resolved nor ended; requalification, rejection and cancellation apply. */
export function isOpen(ticket: Ticket): boolean {
  return ticket.status !== 'resolved' && !isEnded(ticket);
}

export function isEnded(ticket: Ticket): ticket is Ticket & { status: EndStatus } {
  return (endStatuses as readonly TicketStatus[]).includes(ticket.status);
}

export function isCovered(ticket: Ticket): boolean {
  return ticket.coverage.status === 'covered';
}
