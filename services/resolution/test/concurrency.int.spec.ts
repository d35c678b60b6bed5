import { evolveTicket, initialTicketState } from '@hotline/domain';
import type { EventStore } from '@hotline/eventstore';
import { openMemoryStore } from '@hotline/eventstore';
import { domainUpcaster, ticketEventsOf, ticketView } from '@hotline/platform';
import { afterEach, describe, expect, it } from 'vitest';
import {
  agent,
  given,
  otherAgent,
  type Resolution,
  received,
  signContract,
  startResolution,
  temporarySqliteStore,
} from './resolution-harness.ts';

let resolution: Resolution;
let dispose: () => void = () => {};

afterEach(async () => {
  await resolution.close();
  dispose();
  dispose = () => {};
});

/**
 * A real store whose first `readers` reads of `stream` wait for one another: the commands behind them
 * decide on the same revision, and all but one must find the stream moved when they append.
 */
function racing(store: EventStore, stream: string, readers: number): EventStore {
  let remaining = readers;
  const waiting: (() => void)[] = [];
  return delegate(store, {
    async readStream(name, options) {
      const events = await store.readStream(name, options);
      if (name === stream && remaining > 0) {
        remaining -= 1;
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          if (remaining === 0) for (const release of waiting) release();
        });
      }
      return events;
    },
  });
}

/** A real store on which another writer records time on `stream` right after every read of it. */
function busy(store: EventStore, stream: string): EventStore {
  let writes = 0;
  return delegate(store, {
    async readStream(name, options) {
      const events = await store.readStream(name, options);
      if (name === stream) {
        writes += 1;
        const at = new Date(Date.parse('2026-05-11T08:00:00Z') + writes).toISOString();
        await given(
          store,
          { type: 'RecordTime', ticketId: 'T-1', agentId: otherAgent, minutes: 1, what: 'Call', by: otherAgent, at },
          `busy:${writes}`,
        );
      }
      return events;
    },
  });
}

function delegate(store: EventStore, overrides: Partial<EventStore>): EventStore {
  return {
    append: (stream, events, options) => store.append(stream, events, options),
    readStream: (stream, options) => store.readStream(stream, options),
    readAll: (options) => store.readAll(options),
    headPosition: () => store.headPosition(),
    subscribe: (handler, options) => store.subscribe(handler, options),
    verify: (options) => store.verify(options),
    close: () => store.close(),
    ...overrides,
  };
}

async function consistent(store: EventStore) {
  const recorded = await store.readStream('ticket-T-1');
  expect(recorded.map((event) => event.revision)).toEqual(recorded.map((_, index) => BigInt(index)));
  expect(await store.verify({ stream: 'ticket-T-1' })).toMatchObject({ ok: true });
  const ticket = ticketEventsOf(recorded).reduce(evolveTicket, initialTicketState);
  if (ticket.status === 'none') throw new Error('no ticket');
  return { recorded, view: ticketView(ticket, recorded.at(-1)!.revision) };
}

const stores = {
  memory: async () => ({ store: await openMemoryStore({ upcast: domainUpcaster }), dispose: () => {} }),
  sqlite: temporarySqliteStore,
};

describe.each(Object.entries(stores))('two agents taking charge of one ticket at once (%s store)', (_name, open) => {
  it('lets one win; the other, decided again on the new state, is refused', async () => {
    const opened = await open();
    dispose = opened.dispose;
    await signContract(opened.store);
    await given(opened.store, received('T-1'));
    resolution = await startResolution({ store: racing(opened.store, 'ticket-T-1', 2) });

    const answers = await Promise.all(
      [agent, otherAgent].map((by) => resolution.send('/tickets/T-1/take-charge', { by })),
    );

    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const refused = answers.find((answer) => answer.status === 409);
    expect(refused?.body.code).toBe('ticket.already_taken_charge');
    const { recorded, view } = await consistent(opened.store);
    expect(recorded.filter((event) => event.type === 'TicketTakenCharge')).toHaveLength(1);
    const winner = answers.find((answer) => answer.status === 200);
    expect(winner?.body).toEqual(view);
  });
});

describe('two different commands on one ticket at once', () => {
  it('applies one; the other no longer fits the ticket and is refused, never merged', async () => {
    const store = await openMemoryStore({ upcast: domainUpcaster });
    await signContract(store);
    await given(store, received('T-1'));
    await given(store, { type: 'TakeCharge', ticketId: 'T-1', by: agent, at: '2026-05-11T10:00:00+02:00' });
    resolution = await startResolution({ store: racing(store, 'ticket-T-1', 2) });

    const [fix, question] = await Promise.all([
      resolution.send('/tickets/T-1/fixes', { by: agent, how: 'fix', note: 'Program sent' }),
      resolution.send('/tickets/T-1/customer-questions', { by: otherAgent, question: 'Which invoice?' }),
    ]);

    expect([fix.status, question.status].sort()).toEqual([200, 409]);
    const { recorded } = await consistent(store);
    const outcomes = recorded
      .map((event) => event.type)
      .filter((type) => type === 'TicketResolved' || type === 'CustomerInputRequested');
    expect(outcomes).toHaveLength(1);
  });
});

describe('a ticket that keeps changing under a command', () => {
  it('reports the conflict with 409 after a few tries, and writes nothing of the command', async () => {
    const store = await openMemoryStore({ upcast: domainUpcaster });
    await signContract(store);
    await given(store, received('T-1'));
    // The billing of time reads the ticket at each time record, and this store records time at each read
    // of the ticket: the two would feed each other forever, so this replica leaves billing to others.
    resolution = await startResolution({ store: busy(store, 'ticket-T-1'), service: { billRecordedTime: false } });

    const response = await resolution.send('/tickets/T-1/take-charge', { by: agent });

    expect(response.body).toMatchObject({ status: 409, code: 'stream.revision_conflict' });
    const { recorded } = await consistent(store);
    expect(recorded.some((event) => event.type === 'TicketTakenCharge')).toBe(false);
  });
});
