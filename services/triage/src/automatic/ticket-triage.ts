import { awaitsDispatch, chooseAgent } from '@hotline/domain';
import type { RecordedEvent } from '@hotline/eventstore';
import { alertsTopic } from '@hotline/messaging';
import { idOfStream, loadTicket } from '@hotline/platform';
import { type AutomaticTriage, dispatch, type Logger, requalify, type TriageStep } from './triage-steps.ts';
import { unassignableAlert } from './unassignable-alert.ts';

/** The ticket events triage reacts to: a reception, and information that may complete a request. */
export const ticketTriggers = ['TicketReceived', 'TicketInformationProvided'] as const;

export interface TriageOutcome {
  readonly ticketId: string;
  readonly requalified?: { readonly step: TriageStep; readonly reason?: string };
  readonly assigned?: { readonly agentId: string; readonly step: TriageStep };
  readonly unassignable?: { readonly reason: string; readonly alertId: string };
}

/** What to do when nobody can take the ticket: raise the alert, or leave it waiting (it was raised before). */
export type WhenNobody = 'alert' | 'wait';

/** Triage of the ticket a ticket event is about, ending with a debug line that says what it did. */
export async function triageTicket(triage: AutomaticTriage, trigger: RecordedEvent): Promise<TriageOutcome> {
  const ticketId = idOfStream(trigger.stream, 'ticket');
  const log = triage.context.logger.child({ ticketId, trigger: trigger.id });
  const outcome = await triageNow(triage, ticketId, trigger, log, 'alert');
  log.debug({ outcome }, 'ticket event triaged');
  return outcome;
}

/**
 * A ticket's triage, whatever event caused it: the rules first, then the dispatch to an agent, or,
 * when nobody can take it, an alert. Decisions read the ticket as it is now, not as the event showed
 * it, so an event delivered again, or late, acts only on what still awaits triage. The rules and the
 * choice of the agent take their turn among this process's decisions, on directories that hold at
 * least what was recorded up to the cause; the assignment is written after it, the agent holding
 * the ticket in the directory meanwhile, so that the writes of decisions that follow each other
 * share the store's commits.
 */
export async function triageNow(
  triage: AutomaticTriage,
  ticketId: string,
  cause: RecordedEvent,
  log: Logger,
  whenNobody: WhenNobody,
): Promise<TriageOutcome> {
  const { context, directories } = triage;
  const decided = await directories.decide(async () => {
    // Read once for the rules and the dispatch both, and again only if the rules changed it.
    let loaded = await loadTicket(context.store, ticketId);
    const requalified = await requalify(triage, ticketId, cause, log, loaded.recorded);
    if (requalified.step === 'recorded') loaded = await loadTicket(context.store, ticketId);
    const outcome: TriageOutcome = { ticketId, ...(requalified.step === 'none' ? {} : { requalified }) };
    // Another decision already gave it someone: its write is on the way.
    if (directories.agents.isBeingDispatched(ticketId)) return { outcome };
    if (!awaitsDispatch(loaded.ticket)) return { outcome };
    const choice = chooseAgent(loaded.ticket.product, directories.agents.candidates());
    if (choice.chosen) directories.agents.reserve(ticketId, choice.agentId);
    return { outcome, loaded, choice };
  }, cause.position);
  const { outcome, loaded, choice } = decided;
  if (choice === undefined || loaded === undefined) return outcome;
  const { ticket, events, recorded } = loaded;
  if (choice.chosen) {
    let step: TriageStep | undefined;
    try {
      step = await dispatch(triage, ticketId, choice, cause, log, recorded);
    } finally {
      // Recorded, the assignment leaves the reservation when the directory folds it; otherwise now.
      if (step !== 'recorded') directories.agents.release(ticketId);
    }
    return { ...outcome, assigned: { agentId: choice.agentId, step } };
  }
  if (whenNobody === 'wait') return outcome;

  const contractOf = (contractId: string) => directories.contracts.contract(contractId);
  const alert = unassignableAlert(cause, ticket, events, contractOf, choice.reason, context.clock.now());
  await context.bus.publish(alertsTopic, [{ key: ticketId, payload: alert }]);
  log.warn(
    { product: ticket.product, reason: choice.reason, alertId: alert.alertId },
    'nobody can take the ticket: alert raised',
  );
  return { ...outcome, unassignable: { reason: choice.reason, alertId: alert.alertId } };
}
