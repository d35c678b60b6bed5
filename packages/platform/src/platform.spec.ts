import { agentDecider, ticketDecider } from '@hotline/domain';
import { openMemoryStore } from '@hotline/eventstore';
import { ProblemError } from '@hotline/runtime';
import { describe, expect, it } from 'vitest';
import { VirtualClock } from './clock/clock.ts';
import { executeCommand } from './http/command-execution.ts';
import { domainErrorStatus } from './http/domain-statuses.ts';
import { idOfStream, streams } from './streams.ts';

describe('the virtual clock', () => {
  it('wakes sleepers in due order as it advances, and not before', async () => {
    const clock = new VirtualClock(0);
    const woken: number[] = [];
    for (const at of [30, 10, 20]) void clock.sleepUntil(at).then(() => woken.push(clock.now()));
    await clock.advanceTo(15);
    expect(woken).toEqual([10]);
    await clock.advanceBy(100);
    expect(woken).toEqual([10, 20, 30]);
    expect(clock.now()).toBe(115);
  });

  it('lets an aborted sleeper go without waiting', async () => {
    const clock = new VirtualClock(0);
    const abort = new AbortController();
    const sleeping = clock.sleepUntil(1_000, abort.signal);
    abort.abort();
    await expect(sleeping).resolves.toBeUndefined();
  });
});

describe('domain refusals over HTTP', () => {
  it('maps unknown records to 404, state conflicts to 409, rule refusals to 422', () => {
    expect(domainErrorStatus('ticket.not_found')).toBe(404);
    expect(domainErrorStatus('ticket.already_taken_charge')).toBe(409);
    expect(domainErrorStatus('ticket.closed')).toBe(409);
    expect(domainErrorStatus('client.review_already_held')).toBe(409);
    expect(domainErrorStatus('ticket.reopen_window_elapsed')).toBe(422);
    expect(domainErrorStatus('ticket.not_receivable')).toBe(422);
  });

  it('turns a refused command into a problem document and writes nothing', async () => {
    const store = await openMemoryStore();
    const refused = executeCommand(
      store,
      {
        stream: streams.ticket('T-1'),
        decider: ticketDecider,
        command: { type: 'TakeCharge', ticketId: 'T-1', by: 'agent-ada', at: '2026-05-11T10:15:00+02:00' },
        context: { commandId: 'c1', actor: 'agent-ada' },
      },
      '/tickets/T-1/take-charge',
    );
    await expect(refused).rejects.toBeInstanceOf(ProblemError);
    await expect(refused).rejects.toMatchObject({
      problem: { status: 404, code: 'ticket.not_found', instance: '/tickets/T-1/take-charge' },
    });
    expect(await store.readStream(streams.ticket('T-1'))).toEqual([]);
  });
});

describe('text that is not Unicode', () => {
  it('refuses a command holding an unpaired surrogate with a 400 naming the field, and writes nothing', async () => {
    const store = await openMemoryStore();
    const register = (agentId: string, by: string) =>
      executeCommand(store, {
        stream: streams.agent(agentId),
        decider: agentDecider,
        command: { type: 'RegisterAgent', agentId, name: 'Ada', role: 'agent', by, at: '2026-02-02T09:00:00Z' },
        context: { commandId: `c-${agentId}`, actor: by },
      });
    await expect(register('agent-\ud800', 'manager-eve')).rejects.toMatchObject({
      problem: { status: 400, code: 'command.not_unicode', field: 'agentId' },
    });
    await expect(register('agent-ada', 'eve\udfff')).rejects.toMatchObject({ problem: { field: 'by' } });
    expect(await store.headPosition()).toBe(0n);
    await register('agent-\ud83e\uddef', 'manager-eve');
    expect(await store.verify()).toMatchObject({ ok: true, checked: 1 });
  });
});

describe('command ids', () => {
  it('refuses a command id already spent on another command with a 422, and writes nothing', async () => {
    const store = await openMemoryStore();
    const register = (agentId: string) =>
      executeCommand(store, {
        stream: streams.agent(agentId),
        decider: agentDecider,
        command: { type: 'RegisterAgent', agentId, name: 'Ada', role: 'agent', by: 'eve', at: '2026-02-02T09:00:00Z' },
        context: { commandId: 'agents:same-idempotency-key', actor: 'eve' },
      });
    await register('agent-ada');
    await expect(register('agent-ada')).resolves.toMatchObject({ written: false });
    await expect(register('agent-bob')).rejects.toMatchObject({ problem: { status: 422, code: 'command.id_reused' } });
    expect(await store.readStream(streams.agent('agent-bob'))).toEqual([]);
  });
});

describe('stream names', () => {
  it('names each stream by its prefix and reads the id back', () => {
    expect(streams.sla('T-1')).toBe('sla-T-1');
    expect(idOfStream('ticket-T-1', 'ticket')).toBe('T-1');
    expect(() => idOfStream('contract-C', 'ticket')).toThrow(/not a ticket stream/);
  });
});
