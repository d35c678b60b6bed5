import { defaultRequalificationRules } from '@hotline/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manager, type TriageHarness, triageHarness } from './triage-harness.ts';

let h: TriageHarness;
beforeEach(async () => {
  h = await triageHarness();
  await h.signContract();
  await h.joinAgent('ada', [{ product: 'ERP', level: 'confirmed' }]);
  await h.joinAgent('bob', [{ product: 'ERP', level: 'confirmed' }]);
  // T-1, a P2 the rules leave alone, goes to ada (equal load, equal skill: the first by id).
  await h.receive('T-1');
  await h.triaged('T-1');
});
afterEach(() => h.close());

const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
  h.app.inject({ method: 'POST', url, payload, headers });

const requalify = (payload: object, ticketId = 'T-1', headers: Record<string, string> = {}) =>
  post(`/tickets/${ticketId}/requalification`, payload, headers);
const assign = (payload: object, ticketId = 'T-1') => post(`/tickets/${ticketId}/assignment`, payload);

async function resolveT1() {
  await h.ticketCommand({ type: 'TakeCharge', ticketId: 'T-1', by: 'ada', at: '2026-05-07T16:10:00+02:00' });
  await h.ticketCommand({
    type: 'ResolveTicket',
    ticketId: 'T-1',
    how: 'fix',
    by: 'ada',
    at: '2026-05-07T17:00:00+02:00',
  });
}

describe('requalification by the hotline manager', () => {
  it('records the change and its reason, with the coverage judged again for the new nature', async () => {
    const response = await requalify({
      nature: 'functional',
      reason: 'A how-to question, not a bug',
      by: manager,
      occurredAt: '2026-05-07T16:20:00+02:00',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      ticketId: 'T-1',
      nature: 'functional',
      priority: 'P2',
      coverage: { status: 'out_of_contract', contractId: 'ACME-M', reason: 'contract.kind_not_helpline' },
      assignee: 'ada',
      revision: '2',
    });
    expect((await h.stream('T-1')).at(-1)).toMatchObject({
      type: 'TicketRequalified',
      actor: manager,
      data: {
        nature: 'functional',
        reason: 'A how-to question, not a bug',
        by: manager,
        at: '2026-05-07T16:20:00+02:00',
      },
    });
  });

  it('takes the time from the clock when not told', async () => {
    await requalify({ priority: 'P1', reason: 'Production stopped after all', by: manager });
    expect((await h.stream('T-1')).at(-1)?.data).toMatchObject({ priority: 'P1', at: '2026-05-07T14:05:00.000Z' });
  });

  it('records a request retried with the same Idempotency-Key once', async () => {
    const body = { environment: 'test', reason: 'Seen on their test server', by: manager };
    const first = await requalify(body, 'T-1', { 'idempotency-key': 'req-42' });
    const again = await requalify(body, 'T-1', { 'idempotency-key': 'req-42' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(await h.types('T-1')).toEqual(['TicketReceived', 'TicketAssigned', 'TicketRequalified']);
  });

  it('answers 400 to a body that changes nothing or gives no reason, naming the field', async () => {
    const nothing = await requalify({ reason: 'No idea', by: manager });
    expect(nothing.statusCode).toBe(400);
    expect(nothing.headers['content-type']).toContain('application/problem+json');
    expect(nothing.json()).toMatchObject({ type: 'urn:hotline:problem:validation' });
    const noReason = await requalify({ priority: 'P1', by: manager });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors).toContainEqual(expect.objectContaining({ path: 'reason' }));
    expect(await h.types('T-1')).toEqual(['TicketReceived', 'TicketAssigned']);
  });

  it('answers 404 for an unknown ticket', async () => {
    const response = await requalify({ priority: 'P1', reason: 'Urgent', by: manager }, 'T-404');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'ticket.not_found', instance: '/tickets/T-404/requalification' });
  });

  it('answers 409 once the ticket is resolved, and 422 when nothing would change', async () => {
    const same = await requalify({ priority: 'P2', reason: 'Check', by: manager });
    expect(same.statusCode).toBe(422);
    expect(same.json()).toMatchObject({ code: 'ticket.nothing_to_requalify' });

    await resolveT1();
    const late = await requalify({ priority: 'P1', reason: 'Too late', by: manager });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'ticket.not_open' });
  });
});

describe('assignment by the hotline manager', () => {
  it('reassigns with the reason, and the load moves with the ticket', async () => {
    const response = await assign({ agentId: 'bob', reason: 'Knows this client well', by: manager });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ ticketId: 'T-1', assignee: 'bob', status: 'received' });
    expect((await h.stream('T-1')).at(-1)).toMatchObject({
      type: 'TicketAssigned',
      actor: manager,
      data: { agentId: 'bob', reason: 'Knows this client well', by: manager },
    });
    const agents = (await h.app.inject({ method: 'GET', url: '/triage/agents' })).json().agents;
    expect(agents.map(({ agentId, tickets }: { agentId: string; tickets: string[] }) => [agentId, tickets])).toEqual([
      ['ada', []],
      ['bob', ['T-1']],
    ]);
  });

  it('may give a ticket to an agent who is away: the manager knows when they are back', async () => {
    await h.agentCommand({
      type: 'ChangeAvailability',
      agentId: 'bob',
      availability: 'unavailable',
      by: manager,
      at: '2026-05-07T08:00:00+02:00',
    });
    expect((await assign({ agentId: 'bob', by: manager })).json()).toMatchObject({ assignee: 'bob' });
  });

  it('answers 404 for an unknown agent or ticket', async () => {
    const agent = await assign({ agentId: 'zed', by: manager });
    expect(agent.statusCode).toBe(404);
    expect(agent.json()).toMatchObject({ code: 'agent.not_found', instance: '/tickets/T-1/assignment' });
    const ticket = await assign({ agentId: 'bob', by: manager }, 'T-404');
    expect(ticket.statusCode).toBe(404);
    expect(ticket.json()).toMatchObject({ code: 'ticket.not_found' });
  });

  it('answers 409 for an agent who left, the same assignee again, or a resolved ticket', async () => {
    await h.agentCommand({
      type: 'RecordAgentDeparture',
      agentId: 'bob',
      by: manager,
      at: '2026-05-07T08:00:00+02:00',
    });
    expect((await assign({ agentId: 'bob', by: manager })).json()).toMatchObject({ status: 409, code: 'agent.left' });
    expect((await assign({ agentId: 'ada', by: manager })).json()).toMatchObject({
      status: 409,
      code: 'ticket.already_assigned',
    });
    await resolveT1();
    await h.joinAgent('cyd', [{ product: 'ERP', level: 'basic' }]);
    expect((await assign({ agentId: 'cyd', by: manager })).json()).toMatchObject({
      status: 409,
      code: 'ticket.invalid_transition',
    });
    expect((await h.types('T-1')).filter((type) => type === 'TicketAssigned')).toHaveLength(1);
  });

  it('answers 400 without an agent or without who acts', async () => {
    const response = await assign({ by: manager });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toContainEqual(expect.objectContaining({ path: 'agentId' }));
    expect((await assign({ agentId: 'bob' })).statusCode).toBe(400);
  });
});

describe('what triage decides with', () => {
  it('lists the agents with their skills, availability and load', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/triage/agents' });
    expect(response.statusCode).toBe(200);
    expect(response.json().agents[0]).toEqual({
      agentId: 'ada',
      name: 'ada',
      role: 'agent',
      active: true,
      availability: 'available',
      skills: [{ product: 'ERP', level: 'confirmed' }],
      openTickets: 1,
      tickets: ['T-1'],
    });
  });

  it('lists the tickets waiting for an agent, oldest first', async () => {
    await h.receive('T-2', { product: 'PAY', at: '2026-05-07T16:20:00+02:00' });
    await h.receive('T-3', { product: 'CRM', nature: 'functional', priority: 'P3', at: '2026-05-07T16:10:00+02:00' });
    await h.triaged('T-2');
    await h.triaged('T-3');
    const response = await h.app.inject({ method: 'GET', url: '/triage/waiting' });
    expect(response.json()).toEqual({
      tickets: [
        {
          ticketId: 'T-3',
          clientId: 'ACME',
          product: 'CRM',
          nature: 'functional',
          priority: 'P3',
          receivedAt: '2026-05-07T16:10:00+02:00',
        },
        {
          ticketId: 'T-2',
          clientId: 'ACME',
          product: 'PAY',
          nature: 'malfunction',
          priority: 'P2',
          receivedAt: '2026-05-07T16:20:00+02:00',
        },
      ],
    });
  });

  it('lists the requalification rules in the order they are tried', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/triage/rules' });
    expect(response.json()).toEqual({ rules: defaultRequalificationRules });
  });

  it('documents its routes under the triage tag', async () => {
    const { paths } = (await h.app.inject({ method: 'GET', url: '/docs/json' })).json();
    for (const [path, method] of [
      ['/tickets/{ticketId}/requalification', 'post'],
      ['/tickets/{ticketId}/assignment', 'post'],
      ['/triage/agents', 'get'],
      ['/triage/waiting', 'get'],
      ['/triage/rules', 'get'],
    ] as const) {
      expect(paths[path][method].tags).toEqual(['triage']);
    }
  });
});
