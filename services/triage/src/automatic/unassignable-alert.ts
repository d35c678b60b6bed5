import { type SignedContract, type Ticket, type TicketEvent, ticketSla, toInstant } from '@hotline/domain';
import { nameBasedUuid } from '@hotline/eventstore';
import type { Alert } from '@hotline/messaging';

/**
 * The alert for a ticket nobody can take, in the terms support.alerts.v1 knows: SLA warnings on a
 * target. It is a warning on the take-charge target, with the share of its duration already counted,
 * since that is the deadline a ticket without an agent puts at risk. A ticket without a take-charge
 * deadline (out of contract, without contract, change or service request) has no alert this topic can
 * express: null, and the caller says so in the log.
 *
 * The id is derived from the event that led to it, so an alert raised again for a redelivered event
 * keeps its id and notification systems show it once.
 */
export function unassignableAlert(
  trigger: { readonly id: string },
  ticket: Ticket,
  events: readonly TicketEvent[],
  contractOf: (contractId: string) => SignedContract | undefined,
  now: number,
): Alert | null {
  if (ticket.clientId === undefined) return null;
  const sla = ticketSla(events, contractOf, now);
  const takeCharge = sla.evaluation.targets.find((target) => target.target === 'takeCharge');
  if (takeCharge?.dueAt == null) return null;
  return {
    alertId: nameBasedUuid(`triage:unassignable:${trigger.id}`),
    kind: 'warning',
    ticketId: ticket.ticketId,
    clientId: ticket.clientId,
    ...(sla.coverage.contractId === null ? {} : { contractId: sla.coverage.contractId }),
    priority: ticket.priority,
    target: 'takeCharge',
    // The topic wants a positive percentage: a ticket received this very minute has counted 0 %.
    threshold: Math.max(1, Math.floor(takeCharge.consumed * 100)),
    dueAt: toInstant(takeCharge.dueAt),
    raisedAt: toInstant(now),
  };
}
