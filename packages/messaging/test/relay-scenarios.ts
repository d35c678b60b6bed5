import { randomUUID } from 'node:crypto';
import { type EventStore, openMemoryStore, type RecordedEvent } from '@hotline/eventstore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Bus,
  type Consumer,
  defineTopic,
  EventRelay,
  eventDataSchema,
  eventFromMessage,
  eventHeadersSchema,
  idempotentEventHandler,
  MemoryCheckpointedState,
  type RelayCheckpoints,
  SoleRelay,
  silentLogger,
} from '../src/index.ts';
import { eventually } from './support/eventually.ts';

/** support.events.v1's contract under a name of one test's own. */
export function testEventsTopic(partitions = 4) {
  return testEventsTopicNamed(`test.events.${randomUUID()}.v1`, partitions);
}

export function testEventsTopicNamed(name: string, partitions: number) {
  return defineTopic({
    name,
    partitions,
    title: 'test events',
    description: 'support.events.v1 for one test',
    key: 'the stream id',
    payload: eventDataSchema,
    headers: eventHeadersSchema,
  });
}

export async function appendTickets(store: EventStore, tickets: number, eventsEach: number, from = 0): Promise<void> {
  for (let round = from; round < from + eventsEach; round += 1) {
    await Promise.all(
      Array.from({ length: tickets }, (_, ticket) =>
        store.append(`ticket-${ticket}`, [{ type: 'TicketNoted', data: { round }, actor: 'agent-1' }], {
          expectedRevision: 'any',
        }),
      ),
    );
  }
}

/** A relay's process dying between a publish and its checkpoint write: the save never comes back. */
class DiesAtSave implements RelayCheckpoints {
  saves = 0;
  #inner: SoleRelay;
  #dieAt: number;

  constructor(inner: SoleRelay, dieAt: number) {
    this.#inner = inner;
    this.#dieAt = dieAt;
  }

  load() {
    return this.#inner.load();
  }

  save(position: bigint, token: bigint): Promise<void> {
    this.saves += 1;
    if (this.saves >= this.#dieAt) return new Promise(() => {});
    return this.#inner.save(position, token);
  }
}

/** The relay's guarantees, run on each bus. */
export function relayScenarios(name: string, makeBus: () => Promise<Bus>, skip?: string) {
  describe.skipIf(skip !== undefined)(
    `the relay to the ${name} bus${skip === undefined ? '' : ` (skipped: ${skip})`}`,
    () => {
      let bus: Bus;
      const stores: EventStore[] = [];
      const consumers: Consumer[] = [];
      const relays: EventRelay[] = [];

      beforeAll(async () => {
        bus = await makeBus();
      });
      afterAll(async () => {
        await Promise.all(relays.map((relay) => Promise.race([relay.stop(), new Promise((r) => setTimeout(r, 2000))])));
        await Promise.all(consumers.map((consumer) => consumer.stop()));
        await bus?.close();
        await Promise.all(stores.map((store) => store.close()));
      });

      async function store(): Promise<EventStore> {
        const opened = await openMemoryStore();
        stores.push(opened);
        return opened;
      }

      it('publishes every event keyed by its stream, the envelope in headers, each stream in order', async () => {
        const events = await store();
        const topic = testEventsTopic();
        await appendTickets(events, 5, 10);
        const received: RecordedEvent[] = [];
        const keys: (string | null)[] = [];
        consumers.push(
          await bus.consume({
            group: `g-${randomUUID()}`,
            topic,
            handler: (message) => {
              keys.push(message.key);
              received.push(eventFromMessage(message));
            },
          }),
        );
        const relay = new EventRelay({
          store: events,
          bus,
          checkpoints: new SoleRelay(),
          topic,
          logger: silentLogger,
          maxBatchSize: 7,
        }).start();
        relays.push(relay);
        await relay.waitFor(await events.headPosition());
        await eventually(() => expect(received).toHaveLength(50));
        const log = await events.readAll();
        expect([...received].sort((a, b) => Number(a.position - b.position))).toEqual(log);
        expect(keys).toEqual(received.map((event) => event.stream));
        for (let ticket = 0; ticket < 5; ticket += 1) {
          const revisions = received
            .filter((event) => event.stream === `ticket-${ticket}`)
            .map((event) => event.revision);
          expect(revisions).toEqual(Array.from({ length: 10 }, (_, i) => BigInt(i)));
        }
      });

      it('resumes from its checkpoint after a crash: nothing lost, the duplicates have no second effect', async () => {
        const events = await store();
        const topic = testEventsTopic();
        const state = new MemoryCheckpointedState<number>();
        const outcomes = { applied: 0, duplicate: 0 };
        consumers.push(
          await bus.consume({
            group: `g-${randomUUID()}`,
            topic,
            handler: idempotentEventHandler(
              state,
              (count) => (count ?? 0) + 1,
              (_event, outcome) => {
                outcomes[outcome] += 1;
              },
            ),
          }),
        );
        const checkpoints = new SoleRelay();
        const dying = new DiesAtSave(checkpoints, 3);
        await appendTickets(events, 4, 5);
        const first = new EventRelay({
          store: events,
          bus,
          checkpoints: dying,
          leadership: checkpoints,
          topic,
          logger: silentLogger,
          maxBatchSize: 5,
        }).start();
        await eventually(() => expect(dying.saves).toBe(3));
        // The first relay is dead (its last batch published, not checkpointed); events keep coming.
        await appendTickets(events, 4, 5, 5);
        const second = new EventRelay({ store: events, bus, checkpoints, topic, logger: silentLogger }).start();
        relays.push(second);
        await second.waitFor(await events.headPosition());
        await eventually(() => expect(outcomes.applied).toBe(40));
        expect(outcomes.duplicate).toBeGreaterThan(0);
        for (let ticket = 0; ticket < 4; ticket += 1) expect((await state.get(`ticket-${ticket}`))?.state).toBe(10);
        expect(first.state).toBe('active');
      });
    },
  );
}
