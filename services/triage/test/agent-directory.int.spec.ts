import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '@hotline/eventstore';
import { domainUpcaster } from '@hotline/platform';
import { afterEach, describe, expect, it } from 'vitest';
import { manager, type TriageHarness, triageHarness } from './triage-harness.ts';

const at = (time: string) => `2026-05-07T${time}:00+02:00`;

async function load(h: TriageHarness): Promise<Record<string, string[]>> {
  const response = await h.app.inject({ method: 'GET', url: '/triage/agents' });
  const agents: { agentId: string; tickets: string[]; openTickets: number }[] = response.json().agents;
  for (const agent of agents) expect(agent.openTickets).toBe(agent.tickets.length);
  return Object.fromEntries(agents.map((agent) => [agent.agentId, agent.tickets]));
}

describe('the agent directory', () => {
  let h: TriageHarness;
  afterEach(() => h.close());

  it('follows the load through assignments, reassignments, resolutions, reopenings and endings', async () => {
    h = await triageHarness();
    await h.joinAgent('ada', [{ product: 'ERP', level: 'confirmed' }]);
    await h.joinAgent('bob', [{ product: 'ERP', level: 'confirmed' }]);
    await h.receive('T-1');
    await h.triaged('T-1');
    await h.receive('T-2');
    await h.triaged('T-2');
    expect(await load(h)).toEqual({ ada: ['T-1'], bob: ['T-2'] });

    await h.ticketCommand({ type: 'AssignTicket', ticketId: 'T-2', agentId: 'ada', by: manager, at: at('16:10') });
    expect(await load(h)).toEqual({ ada: ['T-1', 'T-2'], bob: [] });

    await h.ticketCommand({ type: 'TakeCharge', ticketId: 'T-1', by: 'ada', at: at('16:15') });
    await h.ticketCommand({ type: 'ResolveTicket', ticketId: 'T-1', how: 'fix', by: 'ada', at: at('17:00') });
    expect(await load(h)).toEqual({ ada: ['T-2'], bob: [] });

    await h.ticketCommand({
      type: 'ReopenTicket',
      ticketId: 'T-1',
      reason: 'Fails again',
      by: 'cleo',
      at: at('17:30'),
    });
    expect(await load(h)).toEqual({ ada: ['T-1', 'T-2'], bob: [] });

    await h.ticketCommand({ type: 'ResolveTicket', ticketId: 'T-1', how: 'fix', by: 'ada', at: at('17:45') });
    await h.ticketCommand({
      type: 'CloseTicket',
      ticketId: 'T-1',
      reason: 'confirmed_by_client',
      by: 'cleo',
      at: at('18:00'),
    });
    await h.ticketCommand({ type: 'CancelTicket', ticketId: 'T-2', by: 'cleo', at: at('18:00') });
    // A fact recorded on a closed ticket changes no one's load.
    await h.ticketCommand({
      type: 'RecordClientMessage',
      ticketId: 'T-1',
      kind: 'reminder',
      message: 'Thanks again',
      by: 'cleo',
      at: at('18:30'),
    });
    expect(await load(h)).toEqual({ ada: [], bob: [] });
  });

  it('keeps an agent who left or is away, no longer a candidate for dispatch', async () => {
    h = await triageHarness();
    await h.joinAgent('ada', [{ product: 'ERP', level: 'confirmed' }]);
    await h.joinAgent('bob', [{ product: 'ERP', level: 'confirmed' }]);
    await h.agentCommand({ type: 'RecordAgentDeparture', agentId: 'ada', by: manager, at: at('08:00') });
    await h.agentCommand({
      type: 'ChangeAvailability',
      agentId: 'bob',
      availability: 'unavailable',
      reason: 'Training',
      by: manager,
      at: at('08:00'),
    });
    await h.triage.directories.caughtUp();
    expect(h.triage.directories.agents.candidates()).toEqual([
      {
        agentId: 'ada',
        active: false,
        available: true,
        skills: [{ product: 'ERP', level: 'confirmed' }],
        openTickets: 0,
      },
      {
        agentId: 'bob',
        active: true,
        available: false,
        skills: [{ product: 'ERP', level: 'confirmed' }],
        openTickets: 0,
      },
    ]);
  });
});

describe('a replica starting on an existing store', () => {
  const folder = mkdtempSync(join(tmpdir(), 'triage-'));
  const file = join(folder, 'events.sqlite');
  let h: TriageHarness | undefined;
  afterEach(async () => {
    await h?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('rebuilds the directory from the store, and the replayed log changes no ticket', async () => {
    h = await triageHarness({ store: await openSqliteStore({ file, upcast: domainUpcaster }) });
    await h.signContract();
    await h.joinAgent('ada', [{ product: 'ERP', level: 'confirmed' }]);
    await h.joinAgent('bob', [{ product: 'ERP', level: 'expert' }], 'unavailable');
    const tickets = ['T-1', 'T-2', 'T-3'];
    await h.receive('T-1', { priority: 'P3', description: 'Production arrêtée' });
    await h.receive('T-2', { version: undefined });
    await h.receive('T-3', { product: 'CRM' });
    for (const ticketId of tickets) await h.triaged(ticketId);
    const before = await load(h);
    const streams = await Promise.all(tickets.map((ticketId) => h!.stream(ticketId)));
    expect(before).toEqual({ ada: ['T-1'], bob: [] });
    await h.close();

    // The relay of the new process publishes the whole log again, and its triage group reads it from the start.
    h = await triageHarness({ store: await openSqliteStore({ file, upcast: domainUpcaster }) });
    expect(await load(h)).toEqual(before);
    for (const ticketId of tickets) await h.triaged(ticketId);
    expect(await Promise.all(tickets.map((ticketId) => h!.stream(ticketId)))).toEqual(streams);
  });
});
