import { describe, expect, it } from 'vitest';
import type { StoredHashedEvent } from '../hash-chain/chain-verifier.ts';
import { DuplicateEventIdError } from '../port/errors.ts';
import { ANY, NO_STREAM } from '../port/expected-revision.ts';
import { type PendingEvent, prepareEvents } from '../port/pending-event.ts';
import { findReplay } from './esdb-replay.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const pending = (...ns: number[]): PendingEvent[] =>
  prepareEvents(
    'ticket-1',
    ns.map((n) => ({ id: id(n), type: 'TicketNoteAdded', data: {}, actor: 'a' })),
  );
/** A stream of `length` events whose ids are 0…length-1, as the server would hold it. */
const stream = (length: number): StoredHashedEvent[] =>
  Array.from(
    { length },
    (_, i) => ({ id: id(i), revision: BigInt(i), position: BigInt(100 + i) }) as StoredHashedEvent,
  );
const reader = (events: StoredHashedEvent[]) => async (from: bigint, count: number) =>
  events.slice(Number(from), Number(from) + count);
const newestFirst = (events: StoredHashedEvent[], window: number) => events.slice(-window).reverse();

describe('finding a replayed append on EventStoreDB', () => {
  it('finds nothing in a missing stream', async () => {
    expect(await findReplay('ticket-1', pending(0), NO_STREAM, [], reader([]))).toBeUndefined();
  });

  it('finds a replay made with any among the last events', async () => {
    const events = stream(10);
    const found = await findReplay('ticket-1', pending(6, 7), ANY, newestFirst(events, 5), reader(events));
    expect(found).toEqual({ firstRevision: 6n, nextExpectedRevision: 7n, position: 107n, written: false });
  });

  it('finds a replay made with an exact revision, however far back', async () => {
    const events = stream(100);
    const found = await findReplay('ticket-1', pending(3, 4), 2n, newestFirst(events, 1), reader(events));
    expect(found).toMatchObject({ firstRevision: 3n, nextExpectedRevision: 4n, written: false });
  });

  it('finds nothing when the events are new', async () => {
    const events = stream(10);
    expect(await findReplay('ticket-1', pending(50), 9n, newestFirst(events, 1), reader(events))).toBeUndefined();
    expect(await findReplay('ticket-1', pending(50), 4n, newestFirst(events, 1), reader(events))).toBeUndefined();
    expect(await findReplay('ticket-1', pending(50), ANY, newestFirst(events, 5), reader(events))).toBeUndefined();
  });

  it('refuses an append that repeats only part of an earlier one', async () => {
    const events = stream(10);
    await expect(
      findReplay('ticket-1', pending(50, 9), ANY, newestFirst(events, 5), reader(events)),
    ).rejects.toBeInstanceOf(DuplicateEventIdError);
  });
});
