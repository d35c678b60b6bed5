import { type TicketState, ticketDecider } from '@hotline/domain';
import { type IntakeDependencies, takeIn, ticketIdFor } from '@hotline/intake';
import { executeCommand, seededRandom, streams } from '@hotline/platform';
import type { Logger } from '@hotline/runtime';
import { demoAgents, demoContracts } from './demo-catalogue.ts';
import { loadDemoSteering, type PlayedTicket } from './demo-steering.ts';
import { demoTicket, receptionInstants } from './demo-tickets.ts';

const SOURCE = 'demo';
const YEAR_START = Date.parse('2026-01-05T09:00:00+01:00');
const iso = (at: number) => new Date(at).toISOString();

/**
 * On first start with an empty store: clients, contracts (maintenance and helpline, the worked
 * examples' terms), agents with skills, the tickets of the year so far, each at its own instants, and
 * the manager's steering beside them (demo-steering.ts), through the same doors and rules as real
 * traffic. A store that holds anything is left alone.
 */
export async function loadDemoHotline(deps: IntakeDependencies, now: number, logger: Logger): Promise<number> {
  if ((await deps.store.headPosition()) > 0n) return 0;
  const signedAt = '2025-12-15T10:00:00+01:00';
  for (const contract of demoContracts) {
    await takeIn(deps, {
      kind: 'contract.signed',
      payload: { ...contract, effectiveFrom: '2026-01-01T00:00:00+01:00', by: 'sales' },
      origin: { source: SOURCE, occurredAt: signedAt, requestId: contract.contractId },
    } as never);
  }
  for (const agent of demoAgents) {
    const origin = { source: SOURCE, occurredAt: signedAt, requestId: agent.agentId };
    await takeIn(deps, { kind: 'agent.joined', payload: { ...agent, by: 'manager-eve' }, origin } as never);
    await takeIn(deps, { kind: 'agent.skills_declared', payload: { ...agent, by: 'manager-eve' }, origin } as never);
  }

  const random = seededRandom(20_260_105);
  const instants = receptionInstants(random, YEAR_START, now);
  const played: PlayedTicket[] = [];
  for (const [index, receivedAt] of instants.entries()) {
    const ticket = demoTicket(random, index + 1, receivedAt);
    await takeIn(deps, {
      kind: 'ticket.submitted',
      payload: { ...ticket.submission, externalId: ticket.externalId },
      origin: { source: SOURCE, occurredAt: iso(receivedAt), requestId: ticket.externalId },
    });
    const ticketId = ticketIdFor(SOURCE, ticket.externalId);
    let last: { state: TicketState; at: number } | undefined;
    for (const [step, { at, command }] of ticket.steps.entries()) {
      if (at > now) break;
      const decided = command(ticketId, iso(at));
      try {
        const executed = await executeCommand(deps.store, {
          stream: streams.ticket(ticketId),
          decider: ticketDecider,
          command: decided,
          context: { commandId: `demo:${ticket.externalId}:${step}`, actor: 'by' in decided ? decided.by : SOURCE },
        });
        last = { state: executed.state, at };
      } catch (error) {
        logger.warn(
          { err: error, ticket: ticket.externalId, command: decided.type },
          'demo step refused, ticket left as is',
        );
        break;
      }
    }
    if (last !== undefined && last.state.status !== 'none') played.push({ ticket: last.state, lastAt: last.at });
  }
  // Its own sequence, so that the tickets stay what they were before the demo held any steering.
  await loadDemoSteering(deps, now, played, seededRandom(20_261_125));
  return instants.length;
}
