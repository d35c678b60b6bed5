import type { SlaEvaluation, SlaEvent } from '@hotline/domain';
import type { SlaAlert } from '@hotline/messaging';

/**
 * The alert a notification system gets for an SLA fact. Its id is the fact's event id, so the alert
 * of one crossing keeps one id however many times it is sent. The alert's `dueAt` is the target's
 * due instant (the deadline the manager must act before), where the fact's is the crossing's; while
 * the clock is paused the deadline is not known, and the crossing's instant stands in for it.
 */
export function slaAlert(
  event: SlaEvent,
  eventId: string,
  position: bigint,
  clientId: string,
  evaluation: Pick<SlaEvaluation, 'targets'>,
): SlaAlert {
  const deadline = evaluation.targets.find((target) => target.target === event.target)?.dueAt ?? null;
  return {
    alertId: eventId,
    kind: event.type === 'SlaBreached' ? 'breach' : 'warning',
    ticketId: event.ticketId,
    clientId,
    contractId: event.contractId,
    priority: event.priority,
    target: event.target,
    // The topic speaks whole percents; a contract threshold such as 0.333 reads 33.
    threshold: event.type === 'SlaBreached' ? 100 : Math.max(1, Math.round(event.threshold * 100)),
    dueAt: deadline === null ? event.dueAt : new Date(deadline).toISOString(),
    raisedAt: event.at,
    position: position.toString(),
  };
}
