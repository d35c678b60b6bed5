import { awaitsDispatch, chooseAgent } from '@hotline/domain';
import { type RecordedEvent, RevisionConflictError } from '@hotline/eventstore';
import { alertsTopic } from '@hotline/messaging';
import { idOfStream, loadTicket, streams, ticketFrom } from '@hotline/platform';
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
 *
 * A ticket's reception is most often all its stream holds when triage takes it: the decision is
 * first made on that event alone, without reading the stream (a read a ticket was the largest
 * single cost of the embedded product under load). Only a dispatch is kept from it, written on the
 * condition that the stream still holds nothing more; anything else (the stream moved on, nothing
 * to dispatch, nobody to take it) is decided again on a fresh read.
 */
export async function triageNow(
  triage: AutomaticTriage,
  ticketId: string,
  cause: RecordedEvent,
  log: Logger,
  whenNobody: WhenNobody,
): Promise<TriageOutcome> {
  if (cause.revision === 0n && cause.stream === streams.ticket(ticketId)) {
    const guessed = await triageOn(triage, ticketId, cause, log, whenNobody, [cause]);
    if (guessed !== undefined) return guessed;
  }
  const outcome = await triageOn(triage, ticketId, cause, log, whenNobody);
  // On a fresh read every path ends with an outcome or throws (a conflict past the retries).
  if (outcome === undefined) throw new Error(`triage of ${ticketId} on a fresh read ended without an outcome`);
  return outcome;
}

/** `guess`: the ticket's stream as assumed, not read; undefined when it did not hold. */
async function triageOn(
  triage: AutomaticTriage,
  ticketId: string,
  cause: RecordedEvent,
  log: Logger,
  whenNobody: WhenNobody,
  guess?: readonly RecordedEvent[],
): Promise<TriageOutcome | undefined> {
  const { context, directories } = triage;
  const decided = await directories.decide(async () => {
    // Read once for the rules and the dispatch both, and again only if the rules changed it.
    let loaded = guess === undefined ? await loadTicket(context.store, ticketId) : ticketFrom(guess, ticketId);
    let guessed = guess !== undefined;
    const { seen, ...requalified } = await requalify(triage, ticketId, cause, log, loaded.recorded);
    if (requalified.step === 'recorded') {
      loaded = await loadTicket(context.store, ticketId);
      guessed = false;
    } else if (guessed && (requalified.step !== 'none' || seen !== cause.revision)) return { stale: true };
    const outcome: TriageOutcome = { ticketId, ...(requalified.step === 'none' ? {} : { requalified }) };
    // Another decision already gave it someone: its write is on the way.
    if (directories.agents.isBeingDispatched(ticketId)) return { outcome };
    if (!awaitsDispatch(loaded.ticket)) return guessed ? { stale: true } : { outcome };
    const choice = chooseAgent(loaded.ticket.product, directories.agents.candidates());
    if (!choice.chosen && guessed) return { stale: true };
    if (choice.chosen) directories.agents.reserve(ticketId, choice.agentId);
    return { outcome, loaded, choice, guessed };
  }, cause.position);
  if ('stale' in decided) return undefined;
  const { outcome, loaded, choice, guessed } = decided;
  if (choice === undefined || loaded === undefined) return outcome;
  const { ticket, events, recorded } = loaded;
  if (choice.chosen) {
    let step: TriageStep | undefined;
    try {
      // On a guess, a conflict says the stream held more: decide again rather than keep this choice.
      step = await dispatch(triage, ticketId, choice, cause, log, recorded, guessed ? 1 : undefined);
    } catch (error) {
      if (!(guessed && error instanceof RevisionConflictError)) throw error;
    } finally {
      // Recorded, the assignment leaves the reservation when the directory folds it; otherwise now.
      if (step !== 'recorded') directories.agents.release(ticketId);
    }
    return step === undefined ? undefined : { ...outcome, assigned: { agentId: choice.agentId, step } };
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
