import type { RecordedEvent } from '@hotline/eventstore';
import { idOfStream } from '@hotline/platform';
import { type TriageOutcome, triageNow } from './ticket-triage.ts';
import type { AutomaticTriage } from './triage-steps.ts';

/** The agent events that may give waiting tickets someone: back to work, or a product learnt. */
export const agentTriggers = ['AvailabilityChanged', 'SkillsDeclared'] as const;

/**
 * A ticket nobody could take waits, alerted. When an agent who knows its product becomes available,
 * the waiting tickets are triaged again, oldest first, each going to whoever is then the least loaded
 * (the agent who came back, or one they relieve). A ticket whose own reception is still to be handled
 * gets its rules first here too, so a ticket is always requalified before it is dispatched.
 */
export async function dispatchWaitingTickets(
  triage: AutomaticTriage,
  trigger: RecordedEvent,
): Promise<TriageOutcome[]> {
  const { context, directories } = triage;
  const agentId = idOfStream(trigger.stream, 'agent');
  const log = context.logger.child({ agentId, trigger: trigger.id });
  await directories.caughtUp();
  const agent = directories.agents.agent(agentId);
  const outcomes: TriageOutcome[] = [];
  if (agent.status === 'active' && agent.availability === 'available') {
    for (const { ticketId, product } of directories.agents.waitingTickets()) {
      if (agent.skills[product] === undefined) continue;
      // Each dispatch weighs on the next: triageNow takes its turn among the decisions.
      outcomes.push(await triageNow(triage, ticketId, trigger, log.child({ ticketId }), 'wait'));
    }
  }
  log.debug({ outcomes }, 'agent event triaged');
  return outcomes;
}
