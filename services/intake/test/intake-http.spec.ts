import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acmeContract, intakeHarness, p2Submission } from './intake-harness.ts';

let harness: Awaited<ReturnType<typeof intakeHarness>>;
beforeEach(async () => {
  harness = await intakeHarness();
});
afterEach(async () => {
  await harness.close();
});

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  harness.app.inject({ method: 'POST', url, payload: payload as object, headers });

async function submitted(overrides: object = {}) {
  const response = await post('/tickets', { ...p2Submission, ...overrides }, { 'x-source-system': 'client-portal' });
  return { response, ticket: response.json() };
}

describe('intake over HTTP: tickets', () => {
  it('receives a complete request, covered by the contract in force at reception', async () => {
    expect((await post('/contracts', acmeContract)).statusCode).toBe(201);
    const { response, ticket } = await submitted();
    expect(response.statusCode).toBe(201);
    expect(response.headers.location).toBe(`/tickets/${ticket.ticketId}`);
    expect(ticket).toMatchObject({
      status: 'received',
      priority: 'P2',
      coverage: { status: 'covered', contractId: 'ACME-M' },
      receivedAt: '2026-05-07T16:00:00+02:00',
      missing: [],
      revision: '0',
    });
  });

  it('gives the same ticket for the same upstream reference, recording nothing twice', async () => {
    const first = await submitted();
    const again = await submitted({ description: 'Sent twice by the portal' });
    expect(again.response.statusCode).toBe(200);
    expect(again.ticket.ticketId).toBe(first.ticket.ticketId);
    expect(await harness.store.readStream(`ticket-${first.ticket.ticketId}`)).toHaveLength(1);
  });

  it('acknowledges an incomplete request and waits for what is missing, then takes it in', async () => {
    const { ticket } = await submitted({ version: undefined, reproductionSteps: undefined });
    expect(ticket).toMatchObject({ status: 'awaiting_information', missing: ['version', 'reproductionSteps'] });
    const completed = await post(`/tickets/${ticket.ticketId}/information`, {
      version: '12.4',
      reproductionSteps: 'Post an invoice',
      by: 'contact-cleo',
      occurredAt: '2026-05-08T09:00:00+02:00',
    });
    expect(completed.statusCode).toBe(200);
    expect(completed.json()).toMatchObject({ status: 'received', missing: [] });
  });

  it('leaves a client without contract out of contract: billable, no deadline', async () => {
    const { ticket } = await submitted({ clientId: 'GLOBEX' });
    expect(ticket.coverage).toMatchObject({ status: 'no_contract' });
  });

  it('refuses a malformed request with a problem naming the field, writing nothing', async () => {
    const response = await post('/tickets', { ...p2Submission, priority: 'P4' });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().errors).toContainEqual(expect.objectContaining({ path: 'priority' }));
    expect(await harness.store.headPosition()).toBe(0n);
  });

  it('records client messages, complaints, penalty claims and cancellation on the ticket', async () => {
    await post('/contracts', acmeContract);
    const { ticket } = await submitted();
    const url = `/tickets/${ticket.ticketId}`;
    expect(
      (await post(`${url}/messages`, { kind: 'reminder', message: 'Any news?', by: 'contact-cleo' })).statusCode,
    ).toBe(200);
    expect(
      (await post(`${url}/complaints`, { complaintId: 'C-1', subject: 'Too slow', by: 'contact-cleo' })).json()
        .complaints,
    ).toEqual(['C-1']);
    expect((await post(`${url}/penalty-claims`, { claimId: 'PC-1', by: 'contact-cleo' })).json().penaltyClaims).toEqual(
      { 'PC-1': 'open' },
    );
    expect((await post(`${url}/cancellation`, { reason: 'Found it', by: 'contact-cleo' })).json().status).toBe(
      'cancelled',
    );
    const again = await post(`${url}/cancellation`, { by: 'contact-cleo' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'ticket.cancelled' });
  });

  it('answers 404 with a problem for an unknown ticket', async () => {
    const response = await post('/tickets/nope/messages', { kind: 'reminder', message: 'Hello?', by: 'contact-cleo' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'ticket.not_found' });
  });
});

describe('intake over HTTP: contracts and agents', () => {
  it('records a contract, its amendment and its termination, refusing what the contract forbids', async () => {
    expect((await post('/contracts', acmeContract, { 'idempotency-key': 'sign-1' })).statusCode).toBe(201);
    const amended = await post('/contracts/ACME-M/amendments', {
      amendmentId: 'A1',
      terms: { ...acmeContract.terms, annualFeeCents: 3_000_000 },
      effectiveFrom: '2026-07-01T00:00:00+02:00',
      reason: 'Fee revised',
      by: 'sales-sam',
    });
    expect(amended.json().versions).toHaveLength(2);
    // The same request retried is a replay; another signature of the same contract is a conflict.
    expect((await post('/contracts', acmeContract, { 'idempotency-key': 'sign-1' })).statusCode).toBe(200);
    expect((await post('/contracts', acmeContract)).json()).toMatchObject({
      status: 409,
      code: 'contract.already_signed',
    });
    const backdated = await post('/contracts/ACME-M/amendments', {
      amendmentId: 'A2',
      terms: acmeContract.terms,
      effectiveFrom: '2026-02-01T00:00:00+01:00',
      reason: 'Oops',
      by: 'sales-sam',
    });
    expect(backdated.statusCode).toBe(422);
    expect(
      (await post('/contracts/ACME-M/termination', { on: '2026-12-31', reason: 'Client left', by: 'sales-sam' })).json()
        .status,
    ).toBe('terminated');
    expect((await harness.app.inject({ method: 'GET', url: '/contracts/NOPE' })).statusCode).toBe(404);
  });

  it('records agents joining, their skills and availability, and their departure', async () => {
    const joined = await post('/agents', { agentId: 'agent-ada', name: 'Ada', role: 'agent', by: 'manager-max' });
    expect(joined.statusCode).toBe(201);
    const skills = await harness.app.inject({
      method: 'PUT',
      url: '/agents/agent-ada/skills',
      payload: { skills: [{ product: 'ERP', level: 'expert' }], by: 'manager-max' },
    });
    expect(skills.json().skills).toEqual({ ERP: 'expert' });
    const away = await harness.app.inject({
      method: 'PUT',
      url: '/agents/agent-ada/availability',
      payload: { availability: 'unavailable', reason: 'Training', by: 'manager-max' },
    });
    expect(away.json().availability).toBe('unavailable');
    expect((await post('/agents/agent-ada/departure', { by: 'manager-max' })).json().status).toBe('left');
  });
});
