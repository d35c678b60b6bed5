import { describe, expect, it, vi } from 'vitest';
import { openMemoryStore } from '../memory/memory-event-store.ts';
import type { EventStore } from '../port/event-store.ts';
import { derivedEventId } from './derived-event-id.ts';
import { type HandleCommandOptions, handleCommand, type StreamDecider } from './handle-command.ts';

// A counter that refuses to go past a limit: enough to show load, decide, append, retry and refuse.
type Command = { type: 'Add'; amount: number; at: string };
type Event = { type: 'Added'; schemaVersion: 1; amount: number; at: string };
const limit = 10;
const counter: StreamDecider<Command, Event, number, { code: string }> = {
  decide: (command, total) =>
    total + command.amount > limit
      ? { ok: false, error: { code: 'counter.over_limit' } }
      : { ok: true, value: [{ type: 'Added', schemaVersion: 1, amount: command.amount, at: command.at }] },
  evolve: (total, event) => total + event.amount,
  initialState: 0,
};
const add = (amount: number) => ({ type: 'Add', amount, at: '2026-05-07T16:00:00+02:00' }) as const;
const context = (commandId: string) => ({ commandId, actor: 'agent-ada', correlationId: 'corr-1' });
/** `Add amount` to counter-1 as command `commandId`. */
const addTo = (
  store: EventStore,
  amount: number,
  commandId: string,
  options: Partial<HandleCommandOptions<Command, Event, number, { code: string }>> = {},
) =>
  handleCommand(store, {
    stream: 'counter-1',
    decider: counter,
    command: add(amount),
    context: context(commandId),
    ...options,
  });

describe('handling a command', () => {
  it('appends the decided events with their envelope and returns the new state', async () => {
    const store = await openMemoryStore();
    const outcome = await handleCommand(store, {
      stream: 'counter-1',
      decider: counter,
      command: add(3),
      context: context('c1'),
    });
    expect(outcome).toMatchObject({ ok: true, state: 3, revision: 0n, written: true });
    const [recorded] = await store.readStream('counter-1');
    expect(recorded).toMatchObject({
      id: derivedEventId('c1', 0),
      type: 'Added',
      schemaVersion: 1,
      data: { amount: 3, at: '2026-05-07T16:00:00+02:00' },
      occurredAt: '2026-05-07T14:00:00.000Z',
      actor: 'agent-ada',
      correlationId: 'corr-1',
    });
  });

  it('returns a refusal and writes nothing', async () => {
    const store = await openMemoryStore();
    await addTo(store, 9, 'c1');
    const outcome = await addTo(store, 2, 'c2');
    expect(outcome).toEqual({ ok: false, error: { code: 'counter.over_limit' } });
    expect(await store.readStream('counter-1')).toHaveLength(1);
  });

  it('replays a command already handled without deciding again', async () => {
    const store = await openMemoryStore();
    await handleCommand(store, { stream: 'counter-1', decider: counter, command: add(9), context: context('c1') });
    const again = await handleCommand(store, {
      stream: 'counter-1',
      decider: counter,
      command: add(9),
      context: context('c1'),
    });
    expect(again).toMatchObject({ ok: true, written: false, state: 9, events: [{ amount: 9 }] });
    expect(await store.readStream('counter-1')).toHaveLength(1);
  });

  it('decides again on the new state when another writer appended first, never merging blindly', async () => {
    const store = await openMemoryStore();
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        handleCommand(store, {
          stream: 'counter-1',
          decider: counter,
          command: add(2),
          context: context(`c${index}`),
          maxAttempts: 20,
        }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(5);
    expect(outcomes.filter((outcome) => !outcome.ok)).toHaveLength(3);
    const stream = await store.readStream('counter-1');
    expect(stream.reduce((total, event) => total + (event.data.amount as number), 0)).toBe(10);
  });
  it('decides on the history the caller read, and reads afresh when it was stale', async () => {
    const store = await openMemoryStore();
    await handleCommand(store, { stream: 'counter-1', decider: counter, command: add(4), context: context('c1') });
    const history = await store.readStream('counter-1');
    const reads = vi.spyOn(store, 'readStream');
    const fresh = await handleCommand(store, {
      stream: 'counter-1',
      decider: counter,
      command: add(2),
      context: context('c2'),
      history,
    });
    expect(fresh).toMatchObject({ ok: true, state: 6, revision: 1n, written: true });
    expect(reads).not.toHaveBeenCalled();

    // The history is now one event behind: the append's expected revision fails, the next attempt reads.
    const stale = await handleCommand(store, {
      stream: 'counter-1',
      decider: counter,
      command: add(5),
      context: context('c3'),
      history,
    });
    expect(stale).toEqual({ ok: false, error: { code: 'counter.over_limit' } });
    expect(reads).toHaveBeenCalledTimes(1);
    reads.mockRestore();
    expect(await store.readStream('counter-1')).toHaveLength(2);
  });

  it('reads what a replayed command recorded the first time, when it decided on a given history', async () => {
    const store = await openMemoryStore();
    await addTo(store, 4, 'c1');
    await addTo(store, 2, 'c2');
    // Sent again, decided on no history (a guess that the stream is new): the store finds its ids
    // recorded, and the outcome tells the first decision and the stream as it is, not the guess.
    const replayed = await addTo(store, 1, 'c1', { history: [] });
    expect(replayed).toEqual({
      ok: true,
      events: [{ type: 'Added', schemaVersion: 1, amount: 4, at: '2026-05-07T16:00:00+02:00' }],
      state: 6,
      revision: 1n,
      written: false,
    });
    expect(await store.readStream('counter-1')).toHaveLength(2);
  });
});
