import { acmeMaintenanceTerms, contractDecider } from '@hotline/domain';
import { type EventStore, handleCommand, openMemoryStore } from '@hotline/eventstore';
import { domainUpcaster } from '@hotline/platform';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  after,
  agent,
  contact,
  contractId,
  DAY,
  expectProblem,
  given,
  type Resolution,
  received,
  signContract,
  startResolution,
  T0,
} from '../../test/resolution-harness.ts';

let resolution: Resolution;
const post = (path: string, body: object) => resolution.send(path, body);

/** Resolved at T0 (the clock's start) with a fix; ACME-M's window is 5 days. */
async function resolved(ticketId: string) {
  expect((await post(`/tickets/${ticketId}/take-charge`, { by: agent })).status).toBe(200);
  expect((await post(`/tickets/${ticketId}/fixes`, { by: agent, how: 'fix', note: 'Program sent' })).status).toBe(200);
}

async function lastEvent(ticketId: string, store: EventStore = resolution.store) {
  return (await store.readStream(`ticket-${ticketId}`)).at(-1);
}

async function amendWindow(store: EventStore, reopenWindowDays: number, effectiveFrom: string) {
  const outcome = await handleCommand(store, {
    stream: `contract-${contractId}`,
    decider: contractDecider,
    command: {
      type: 'AmendContract',
      contractId,
      amendmentId: 'AM-1',
      terms: { ...acmeMaintenanceTerms, reopenWindowDays },
      effectiveFrom,
      reason: 'Longer reopen window',
      at: effectiveFrom,
      by: 'sales',
    },
    context: { commandId: 'amend:AM-1', actor: 'sales' },
  });
  if (!outcome.ok) throw new Error(outcome.error.message);
}

describe('closing and reopening by hand', () => {
  beforeEach(async () => {
    resolution = await startResolution();
    await signContract(resolution.store);
    await given(resolution.store, received('T-1'));
  });
  afterEach(() => resolution.close());

  it("closes a resolved ticket on the client's confirmation", async () => {
    await resolved('T-1');
    const response = await post('/tickets/T-1/closing', { by: contact, reason: 'confirmed_by_client' });
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('closed');
    expect(await lastEvent('T-1')).toMatchObject({ type: 'TicketClosed', data: { reason: 'confirmed_by_client' } });
  });

  it('closes by the manager, only a resolved ticket, only a known one', async () => {
    const close = { by: 'manager-max', reason: 'by_manager' };
    expectProblem(await post('/tickets/T-1/closing', close), 409, 'ticket.not_resolved');
    expectProblem(await post('/tickets/T-404/closing', close), 404, 'ticket.not_found');
    await resolved('T-1');
    expect((await post('/tickets/T-1/closing', close)).body.status).toBe('closed');
  });

  it('leaves the closing for an elapsed window to the service', async () => {
    await resolved('T-1');
    const response = await post('/tickets/T-1/closing', { by: agent, reason: 'reopen_window_elapsed' });
    expectProblem(response, 400);
    expect(response.body.errors).toEqual([expect.objectContaining({ path: 'reason' })]);
  });

  it("reopens at the client's request within the contract's window, up to its very end", async () => {
    await resolved('T-1');
    const end = after(5 * DAY);
    const response = await post('/tickets/T-1/reopening', { by: contact, reason: 'Still fails', occurredAt: end });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'in_progress', reopenCount: 1 });
  });

  it("refuses a reopening after the contract's window (5 days, not the default 10) with 422", async () => {
    await resolved('T-1');
    const late = { by: contact, reason: 'Still fails', occurredAt: after(5 * DAY + 1) };
    const response = await post('/tickets/T-1/reopening', late);
    expectProblem(response, 422, 'ticket.reopen_window_elapsed');
    expect(response.body.details).toMatchObject({ windowEnd: after(5 * DAY) });
  });

  it('judges the window by the terms in force at reception, not by a later amendment', async () => {
    await amendWindow(resolution.store, 20, '2026-05-09T00:00:00+02:00');
    await resolved('T-1');
    const late = { by: contact, reason: 'Still fails', occurredAt: after(6 * DAY) };
    expectProblem(await post('/tickets/T-1/reopening', late), 422, 'ticket.reopen_window_elapsed');
  });

  it('gives a ticket no contract covers the default window of 10 days', async () => {
    await given(resolution.store, received('T-2', { coverage: { status: 'no_contract', contractId: null } }));
    await resolved('T-2');
    const response = await post('/tickets/T-2/reopening', { by: contact, reason: 'Again', occurredAt: after(9 * DAY) });
    expect(response.status).toBe(200);
  });

  it('reopens neither a closed ticket, nor an open one, nor an unknown one, nor without a reason', async () => {
    const reopen = { by: contact, reason: 'Still fails' };
    expectProblem(await post('/tickets/T-404/reopening', reopen), 404, 'ticket.not_found');
    expectProblem(await post('/tickets/T-1/reopening', reopen), 409, 'ticket.not_resolved');
    await resolved('T-1');
    expectProblem(await post('/tickets/T-1/reopening', { by: contact }), 400);
    await post('/tickets/T-1/closing', { by: contact, reason: 'confirmed_by_client' });
    expectProblem(await post('/tickets/T-1/reopening', reopen), 409, 'ticket.closed');
  });
});

describe('closing once the reopen window elapsed', () => {
  beforeEach(async () => {
    resolution = await startResolution();
    await signContract(resolution.store);
    await given(resolution.store, received('T-1'));
  });
  afterEach(() => resolution.close());

  it('closes nothing at the end of the window itself, and the ticket just after', async () => {
    await resolved('T-1');
    await resolution.service.caughtUp();
    expect(await resolution.service.closeElapsed(T0 + 5 * DAY)).toMatchObject({
      closed: [],
      nextDueAt: T0 + 5 * DAY + 1,
    });
    expect(await resolution.service.closeElapsed(T0 + 5 * DAY + 1)).toMatchObject({ closed: ['T-1'] });
    expect(await lastEvent('T-1')).toMatchObject({
      type: 'TicketClosed',
      actor: 'resolution',
      data: { reason: 'reopen_window_elapsed', by: 'resolution', at: after(5 * DAY + 1) },
    });
  });

  it('closes by itself when the clock passes the end of the window', async () => {
    await resolved('T-1');
    await resolution.service.caughtUp();
    await resolution.clock.advanceTo(T0 + 4 * DAY);
    expect((await lastEvent('T-1'))?.type).toBe('TicketResolved');
    await resolution.clock.advanceTo(T0 + 5 * DAY + 1);
    await vi.waitFor(async () => expect((await lastEvent('T-1'))?.type).toBe('TicketClosed'));
    expect((await lastEvent('T-1'))?.data).toMatchObject({ reason: 'reopen_window_elapsed', by: 'resolution' });
  });

  it('gives a reopened ticket, once resolved again, a new window from its last resolution', async () => {
    await resolved('T-1');
    await resolution.clock.advanceTo(T0 + 2 * DAY);
    await post('/tickets/T-1/reopening', { by: contact, reason: 'Still fails' });
    await resolution.clock.advanceTo(T0 + 3 * DAY);
    await post('/tickets/T-1/fixes', { by: agent, how: 'fix', note: 'Program 12.4.2 sent' });
    await resolution.service.caughtUp();
    await resolution.clock.advanceTo(T0 + 6 * DAY);
    expect((await lastEvent('T-1'))?.type).toBe('TicketResolved');
    await resolution.clock.advanceTo(T0 + 8 * DAY + 1);
    await vi.waitFor(async () => expect((await lastEvent('T-1'))?.type).toBe('TicketClosed'));
    const closings = (await resolution.store.readStream('ticket-T-1')).filter((event) => event.type === 'TicketClosed');
    expect(closings).toHaveLength(1);
  });

  it('closes a ticket no contract covers after the default 10 days', async () => {
    await given(resolution.store, received('T-2', { coverage: { status: 'no_contract', contractId: null } }));
    await resolved('T-2');
    await resolution.service.caughtUp();
    expect((await resolution.service.closeElapsed(T0 + 9 * DAY)).closed).toEqual([]);
    expect((await resolution.service.closeElapsed(T0 + 10 * DAY + 1)).closed).toEqual(['T-2']);
  });
});

describe('the closer across restarts and replicas', () => {
  it('rebuilds its candidates from the store at start and closes what elapsed meanwhile', async () => {
    const store = await openMemoryStore({ upcast: domainUpcaster });
    resolution = await startResolution({ store });
    await signContract(store);
    await given(store, received('T-1'));
    await resolved('T-1');
    await resolution.service.stop();
    await resolution.app.close();

    const later = await startResolution({ store, now: T0 + 30 * DAY });
    try {
      await vi.waitFor(async () => expect((await lastEvent('T-1', store))?.type).toBe('TicketClosed'));
    } finally {
      await later.close();
    }
  });

  it('closes a ticket once when two replicas close it at the same time', async () => {
    const store = await openMemoryStore({ upcast: domainUpcaster });
    resolution = await startResolution({ store });
    const replica = await startResolution({ store });
    try {
      await signContract(store);
      await given(store, received('T-1'));
      await resolved('T-1');
      await Promise.all([resolution.service.caughtUp(), replica.service.caughtUp()]);
      const rounds = await Promise.all([
        resolution.service.closeElapsed(T0 + 6 * DAY),
        replica.service.closeElapsed(T0 + 6 * DAY + 1),
      ]);
      expect(rounds.flatMap((round) => round.closed)).toContain('T-1');
      const closings = (await store.readStream('ticket-T-1')).filter((event) => event.type === 'TicketClosed');
      expect(closings).toHaveLength(1);
    } finally {
      await replica.service.stop();
      await replica.app.close();
      await resolution.close();
    }
  });
});
