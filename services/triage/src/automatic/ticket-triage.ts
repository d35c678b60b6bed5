import {
  type AssignTicket,
  automaticRequalification,
  awaitsDispatch,
  chooseAgent,
  type DomainError,
  type RequalificationRule,
  type Ticket,
  type TicketEvent,
  type TicketState,
  ticketDecider,
  toEpochMs,
  toInstant,
} from '@hotline/domain';
import { type CommandContext, type CommandOutcome, handleCommand, type RecordedEvent } from '@hotline/eventstore';
import { alertsTopic } from '@hotline/messaging';
import type { ServiceContext } from '@hotline/platform';
import { idOfStream, loadTicket, streams } from '@hotline/platform';
import type { TriageDirectories } from '../directory/triage-directories.ts';
import { requalificationDecider } from '../requalification/requalification-decider.ts';
import { unassignableAlert } from './unassignable-alert.ts';

/** Who triage's commands are by: the service itself, not a person. */
export const TRIAGE_ACTOR = 'triage';

/** The ticket events triage reacts to: a reception, and information that may complete a request. */
export const triageTriggers = ['TicketReceived', 'TicketInformationProvided'] as const;

/** What one step did: recorded now, recorded before (a redelivery), or refused because the ticket moved on. */
export type TriageStep = 'recorded' | 'replayed' | 'refused';

export interface TriageOutcome {
  readonly ticketId: string;
  readonly requalified?: { readonly rule: string; readonly step: TriageStep };
  readonly assigned?: { readonly agentId: string; readonly step: TriageStep };
  readonly unassignable?: { readonly reason: string; readonly alertId: string | null };
}

export interface AutomaticTriage {
  readonly context: ServiceContext;
  readonly directories: TriageDirectories;
  readonly rules: readonly RequalificationRule[];
}

/**
 * Triage of the ticket an event is about: its requalification by the rules, then its dispatch to an
 * agent, or an alert when nobody can take it. The decisions read the ticket as it is now, not as the
 * event shows it, so an event delivered again, or late, acts only on what still awaits triage; each
 * command's id derives from the event's, so a redelivery that races the first one records nothing.
 */
export async function triageTicket(triage: AutomaticTriage, trigger: RecordedEvent): Promise<TriageOutcome> {
  const { context, directories, rules } = triage;
  const ticketId = idOfStream(trigger.stream, 'ticket');
  const log = context.logger.child({ ticketId, trigger: trigger.id });
  await directories.caughtUp();

  let outcome: TriageOutcome = { ticketId };
  let loaded = await loadTicket(context.store, ticketId);
  const requalification = automaticRequalification(loaded.ticket, loaded.events, rules);
  if (requalification !== null) {
    const { nature, priority, reason } = requalification;
    const requalified = await handleCommand(context.store, {
      stream: trigger.stream,
      decider: requalificationDecider((clientId) => directories.contracts.contractsOf(clientId)),
      command: {
        type: 'RequalifyTicket',
        ticketId,
        ...(nature === undefined ? {} : { nature }),
        ...(priority === undefined ? {} : { priority }),
        reason,
        by: TRIAGE_ACTOR,
        at: actingAt(triage, loaded.ticket),
      },
      context: commandContext('requalify', trigger),
    });
    const step = report(log, requalified, { rule: requalification.rule.id }, 'requalified by a triage rule');
    outcome = { ...outcome, requalified: { rule: requalification.rule.id, step } };
    loaded = await loadTicket(context.store, ticketId);
  }

  const { ticket } = loaded;
  if (!awaitsDispatch(ticket)) return done(log, outcome);
  const choice = chooseAgent(ticket.product, directories.agents.candidates());
  if (choice.chosen) {
    const command: AssignTicket = {
      type: 'AssignTicket',
      ticketId,
      agentId: choice.agentId,
      reason: choice.reason,
      by: TRIAGE_ACTOR,
      at: actingAt(triage, ticket),
    };
    const assigned = await handleCommand(context.store, {
      stream: streams.ticket(ticketId),
      decider: ticketDecider,
      command,
      context: commandContext('assign', trigger),
    });
    const step = report(log, assigned, { agentId: choice.agentId, reason: choice.reason }, 'assigned by triage');
    return done(log, { ...outcome, assigned: { agentId: choice.agentId, step } });
  }

  const contractOf = (contractId: string) => directories.contracts.contract(contractId);
  const alert = unassignableAlert(trigger, ticket, loaded.events, contractOf, context.clock.now());
  if (alert !== null) await context.bus.publish(alertsTopic, [{ key: ticketId, payload: alert }]);
  log.warn(
    { product: ticket.product, reason: choice.reason, alertId: alert?.alertId ?? null },
    alert === null
      ? 'nobody can take the ticket; it has no take-charge deadline, which is all support.alerts.v1 can alert on'
      : 'nobody can take the ticket: alert raised',
  );
  return done(log, { ...outcome, unassignable: { reason: choice.reason, alertId: alert?.alertId ?? null } });
}

function done(log: ServiceContext['logger'], outcome: TriageOutcome): TriageOutcome {
  log.debug({ outcome }, 'ticket event triaged');
  return outcome;
}

/** When triage acts: now, but never before the ticket's last change, which the ticket would refuse as out of order. */
function actingAt(triage: AutomaticTriage, ticket: Ticket): string {
  return toInstant(Math.max(triage.context.clock.now(), toEpochMs(ticket.lastTransitionAt)));
}

function commandContext(step: string, trigger: RecordedEvent): CommandContext {
  return {
    commandId: `triage:${step}:${trigger.id}`,
    actor: TRIAGE_ACTOR,
    correlationId: trigger.correlationId,
    causationId: trigger.id,
  };
}

/** A refusal means the ticket moved on between the reading and the decision (taken charge, closed…): nothing to do. */
function report(
  log: ServiceContext['logger'],
  outcome: CommandOutcome<TicketEvent, TicketState, DomainError>,
  facts: Record<string, unknown>,
  what: string,
): TriageStep {
  if (!outcome.ok) {
    log.info({ ...facts, refusal: outcome.error.code }, `not ${what}: ${outcome.error.message}`);
    return 'refused';
  }
  if (!outcome.written) return 'replayed';
  log.info(facts, what);
  return 'recorded';
}
