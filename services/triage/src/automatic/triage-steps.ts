import type { AgentChoice, DomainError, RequalificationRule, TicketEvent } from '@hotline/domain';
import { type CommandContext, type CommandOutcome, handleCommand, type RecordedEvent } from '@hotline/eventstore';
import { type ServiceContext, streams } from '@hotline/platform';
import type { TriageDirectories } from '../directory/triage-directories.ts';
import {
  automaticRequalificationDecider,
  dispatchDecider,
  type TicketHistory,
  TRIAGE_ACTOR,
} from './triage-deciders.ts';

export interface AutomaticTriage {
  readonly context: ServiceContext;
  readonly directories: TriageDirectories;
  readonly rules: readonly RequalificationRule[];
}

/**
 * What one step did: recorded now; recorded before, by a delivery of the same event (replayed); nothing
 * left to do, the ticket having moved on meanwhile (none); or refused by the ticket's rules.
 */
export type TriageStep = 'recorded' | 'replayed' | 'none' | 'refused';

export type Logger = ServiceContext['logger'];

/**
 * A command of triage caused by an event: its id derives from the event's and the ticket's (an agent's
 * return may dispatch several tickets), so a redelivered event records nothing twice. It names the
 * ticket, whose stream it is appended to: its ids are that stream's own.
 */
export function causedBy(step: string, cause: RecordedEvent, ticketId: string): CommandContext {
  return {
    commandId: `triage:${step}:${cause.id}:${ticketId}`,
    idsUniqueIn: 'stream',
    actor: TRIAGE_ACTOR,
    correlationId: cause.correlationId,
    causationId: cause.id,
  };
}

export function stepOf(outcome: CommandOutcome<TicketEvent, TicketHistory, DomainError>): TriageStep {
  if (!outcome.ok) return 'refused';
  if (outcome.events.length === 0) return 'none';
  return outcome.written ? 'recorded' : 'replayed';
}

/**
 * Applies the rules to the ticket if it still awaits them; the reason names the rule that fired, and
 * `seen` the last revision of the stream as the command left it (none when refused).
 * `history`: the ticket's stream as just read, if it was.
 */
export async function requalify(
  triage: AutomaticTriage,
  ticketId: string,
  cause: RecordedEvent,
  log: Logger,
  history?: readonly RecordedEvent[],
): Promise<{ readonly step: TriageStep; readonly reason?: string; readonly seen?: bigint }> {
  const { context, directories, rules } = triage;
  const outcome = await handleCommand(context.store, {
    stream: streams.ticket(ticketId),
    decider: automaticRequalificationDecider(rules, (clientId) => directories.contracts.contractsOf(clientId)),
    command: { ticketId, now: context.clock.now() },
    context: causedBy('requalify', cause, ticketId),
    ...(history === undefined ? {} : { history }),
  });
  const step = stepOf(outcome);
  if (!outcome.ok) {
    log.info({ refusal: outcome.error.code }, `not requalified: ${outcome.error.message}`);
    return { step };
  }
  const [event] = outcome.events;
  const reason = event?.type === 'TicketRequalified' ? event.reason : undefined;
  if (step === 'recorded') log.info({ reason }, 'requalified by a triage rule');
  return reason === undefined ? { step, seen: outcome.revision } : { step, reason, seen: outcome.revision };
}

/**
 * Assigns the ticket to the chosen agent if it still waits for one; `history` as for `requalify`.
 * `maxAttempts`: how many conflicts to decide again on before throwing the last (5).
 */
export async function dispatch(
  triage: AutomaticTriage,
  ticketId: string,
  choice: AgentChoice & { chosen: true },
  cause: RecordedEvent,
  log: Logger,
  history?: readonly RecordedEvent[],
  maxAttempts?: number,
): Promise<TriageStep> {
  const { agentId, reason } = choice;
  const outcome = await handleCommand(triage.context.store, {
    stream: streams.ticket(ticketId),
    decider: dispatchDecider(),
    command: { ticketId, now: triage.context.clock.now(), agentId, reason },
    context: causedBy('assign', cause, ticketId),
    ...(history === undefined ? {} : { history }),
    ...(maxAttempts === undefined ? {} : { maxAttempts }),
  });
  const step = stepOf(outcome);
  if (!outcome.ok) log.info({ agentId, refusal: outcome.error.code }, `not assigned: ${outcome.error.message}`);
  else if (step === 'recorded') log.info({ agentId, reason }, 'assigned by triage');
  return step;
}
