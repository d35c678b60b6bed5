import {
  type AgentCandidate,
  type AgentCommand,
  agentDecider,
  chooseAgent,
  type TicketCommand,
  ticketDecider,
} from '@hotline/domain';
import { type EventStore, openMemoryStore } from '@hotline/eventstore';
import { domainUpcaster, seededRandom, streams } from '@hotline/platform';
import { afterEach, describe, expect, it } from 'vitest';
import { commandRunner } from '../../test/command-runner.ts';
import { AgentDirectory } from './agent-directory.ts';

const products = ['ERP', 'CRM', 'PAY'] as const;
const levels = ['expert', 'confirmed', 'basic'] as const;
const agentIds = ['ada', 'bob', 'cleo', 'dan', 'eve', 'finn'];
const manager = 'manager-max';

/** The candidates as the directory computed them before the load became a set's size: the oracle. */
function sortedCopyCandidates(directory: AgentDirectory): AgentCandidate[] {
  return directory.entries().map(({ agentId, active, availability, skills, openTickets }) => ({
    agentId,
    active,
    available: availability === 'available',
    skills,
    openTickets,
  }));
}

/** A covered malfunction of ACME's, as the portal records it. */
function receive(ticketId: string, product: string, priority: 'P1' | 'P2' | 'P3', at: string): TicketCommand {
  return {
    type: 'ReceiveTicket',
    ticketId,
    clientId: 'ACME',
    product,
    version: '12.4',
    environment: 'production',
    description: 'Invoices fail to post',
    reproductionSteps: 'Post any invoice dated in May',
    nature: 'malfunction',
    priority,
    reportedBy: 'contact-cleo',
    coverage: { status: 'covered', contractId: 'ACME-M' },
    at,
  };
}

/** Agent and ticket commands through the deciders, as the services run them; each says whether it was accepted. */
function commandsOn(store: EventStore) {
  const run = commandRunner(store, 'spec');
  return {
    agent: async (command: AgentCommand) => (await run(streams.agent(command.agentId), agentDecider, command)).ok,
    ticket: async (command: TicketCommand) => (await run(streams.ticket(command.ticketId), ticketDecider, command)).ok,
  };
}

describe('the agent directory as dispatch reads it', () => {
  let store: EventStore;
  let directory: AgentDirectory;
  afterEach(async () => {
    await directory.stop();
    await store.close();
  });

  it('gives the same candidates and the same choices as the sorted copies did, on a seeded day of work', async () => {
    store = await openMemoryStore({ upcast: domainUpcaster });
    directory = new AgentDirectory(store);
    directory.start();
    const random = seededRandom(10);
    let minute = 0;
    const at = () => new Date(Date.parse('2026-05-07T06:00:00Z') + 60_000 * minute++).toISOString();
    const { agent, ticket } = commandsOn(store);

    for (const agentId of agentIds) {
      await agent({ type: 'RegisterAgent', agentId, name: agentId, role: 'agent', by: manager, at: at() });
      const skills = products
        .filter(() => random.chance(0.6))
        .map((product) => ({ product, level: random.pick(levels) }));
      await agent({ type: 'DeclareSkills', agentId, skills, by: manager, at: at() });
    }

    const assigned: { ticketId: string; agentId: string }[] = [];
    const done = { chosen: 0, nobody: 0, resolved: 0, reopened: 0, reassigned: 0, ended: 0 };
    for (let index = 1; index <= 300; index += 1) {
      const ticketId = `T-${index}`;
      // BI: a product nobody knows, so some dispatches find nobody.
      const product = random.chance(0.05) ? 'BI' : random.pick(products);
      await ticket(receive(ticketId, product, random.pick(['P1', 'P2', 'P3'] as const), at()));
      await directory.caughtUp();
      const expected = sortedCopyCandidates(directory);
      expect(directory.candidates()).toEqual(expected);
      const choice = chooseAgent(product, directory.candidates());
      expect(choice).toEqual(chooseAgent(product, expected));
      if (choice.chosen) {
        done.chosen += 1;
        await ticket({
          type: 'AssignTicket',
          ticketId,
          agentId: choice.agentId,
          reason: choice.reason,
          by: 'triage',
          at: at(),
        });
        assigned.push({ ticketId, agentId: choice.agentId });
      } else done.nobody += 1;

      // The day moves on: some tickets are resolved, reopened, reassigned or ended; agents come and go.
      const earlier = assigned.length > 0 ? random.pick(assigned) : undefined;
      if (earlier !== undefined) {
        const roll = random.next();
        if (roll < 0.3) {
          await ticket({ type: 'TakeCharge', ticketId: earlier.ticketId, by: earlier.agentId, at: at() });
          if (
            await ticket({
              type: 'ResolveTicket',
              ticketId: earlier.ticketId,
              how: 'fix',
              by: earlier.agentId,
              at: at(),
            })
          )
            done.resolved += 1;
        } else if (roll < 0.4) {
          const reopen = { ticketId: earlier.ticketId, reason: 'Fails again', by: 'cleo', at: at() };
          if (await ticket({ type: 'ReopenTicket', ...reopen })) done.reopened += 1;
        } else if (roll < 0.5) {
          const agentId = random.pick(agentIds);
          if (await ticket({ type: 'AssignTicket', ticketId: earlier.ticketId, agentId, by: manager, at: at() })) {
            earlier.agentId = agentId;
            done.reassigned += 1;
          }
        } else if (roll < 0.6) {
          if (await ticket({ type: 'CancelTicket', ticketId: earlier.ticketId, by: 'cleo', at: at() })) done.ended += 1;
        }
      }
      if (random.chance(0.05)) {
        const agentId = random.pick(agentIds);
        const availability = random.pick(['available', 'unavailable'] as const);
        await agent({ type: 'ChangeAvailability', agentId, availability, reason: 'Planning', by: manager, at: at() });
      }
    }

    // The scenario went through what moves the load, or it proves nothing.
    expect(done.chosen).toBeGreaterThan(100);
    expect(done.nobody).toBeGreaterThan(0);
    for (const count of [done.resolved, done.reopened, done.reassigned, done.ended]) expect(count).toBeGreaterThan(0);
  });
  it('counts a dispatch being written at once, once only, and forgets it when it records nothing', async () => {
    store = await openMemoryStore({ upcast: domainUpcaster });
    directory = new AgentDirectory(store);
    directory.start();
    const { agent, ticket } = commandsOn(store);
    const at = '2026-05-07T08:00:00Z';
    for (const agentId of ['ada', 'bob']) {
      await agent({ type: 'RegisterAgent', agentId, name: agentId, role: 'agent', by: manager, at });
      await agent({ type: 'DeclareSkills', agentId, skills: [{ product: 'ERP', level: 'expert' }], by: manager, at });
    }
    for (const ticketId of ['T-1', 'T-2', 'T-3']) {
      await ticket(receive(ticketId, 'ERP', 'P2', at));
    }
    await directory.caughtUp();
    const load = () => Object.fromEntries(directory.candidates().map((each) => [each.agentId, each.openTickets]));
    const recorded = () => Object.fromEntries(directory.entries().map((each) => [each.agentId, each.openTickets]));
    const waiting = () => directory.waitingTickets().map((each) => each.ticketId);

    directory.reserve('T-1', 'ada');
    expect(load()).toEqual({ ada: 1, bob: 0 });
    expect(recorded()).toEqual({ ada: 0, bob: 0 });
    expect(waiting()).toEqual(['T-2', 'T-3']);

    await ticket({ type: 'AssignTicket', ticketId: 'T-1', agentId: 'ada', by: 'triage', at });
    await directory.caughtUp();
    expect(directory.isBeingDispatched('T-1')).toBe(false);
    expect(load()).toEqual({ ada: 1, bob: 0 });
    expect(recorded()).toEqual({ ada: 1, bob: 0 });

    // Another replica assigned T-2 first: the reservation goes, the recorded assignment stays.
    directory.reserve('T-2', 'bob');
    await ticket({ type: 'AssignTicket', ticketId: 'T-2', agentId: 'ada', by: 'triage', at });
    await directory.caughtUp();
    expect(load()).toEqual({ ada: 2, bob: 0 });

    directory.reserve('T-3', 'bob');
    directory.reserve('T-3', 'ada');
    expect(load()).toEqual({ ada: 3, bob: 0 });
    directory.release('T-3');
    expect(load()).toEqual({ ada: 2, bob: 0 });
    expect(waiting()).toEqual(['T-3']);
  });
});
