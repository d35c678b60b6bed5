import { createHttpServer, createLogger, createMetrics } from '@hotline/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Bus,
  type Consumer,
  type DeadLetter,
  type IncomingMessage,
  InvalidMessageError,
  PermanentFailure,
} from '../src/index.ts';
import { delay, eventually, firstArrivals } from './support/eventually.ts';
import { orderSchema, testTopic, uncheckedView, uniqueGroup } from './support/test-topics.ts';

type Order = { sequence: number; note?: string | undefined };
type TestTopic = ReturnType<typeof testTopic>;

/** What a test needs from an adapter beyond the port: crashing a consumer, restarting the broker. */
export interface BusHarness {
  bus: Bus;
  /**
   * Starts a consumer of `group` that dies (as a process would: nothing finished, nothing committed)
   * when it receives its first message; resolves with that message's key once it is dead.
   */
  consumeThenDie(topic: TestTopic, group: string): Promise<string>;
  /** Stops the broker and starts it again; undefined where the adapter has no broker or the test does not own it. */
  restartBroker?: (() => Promise<void>) | undefined;
  close(): Promise<void>;
}

/** The consumer lag of `group` on `/metrics`, summed over the partitions this process owns. */
function lagOn(metricsText: string, group: string): number | undefined {
  const lines = metricsText.split('\n').filter((line) => line.startsWith('hotline_consumer_lag_messages{'));
  const mine = lines.filter((line) => line.includes(`group="${group}"`));
  if (mine.length === 0) return undefined;
  return mine.reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

/**
 * Every guarantee of the Bus port, once; each adapter runs it. Delivery is at least once, so tests
 * compare first arrivals where a redelivery is allowed.
 */
export function busContract(name: string, make: () => Promise<BusHarness>, skip?: string) {
  describe.skipIf(skip !== undefined)(`${name} bus${skip === undefined ? '' : ` (skipped: ${skip})`}`, () => {
    let harness: BusHarness;
    let bus: Bus;
    const consumers: Consumer[] = [];

    beforeAll(async () => {
      harness = await make();
      bus = harness.bus;
    });
    afterAll(async () => {
      await Promise.all(consumers.map((consumer) => consumer.stop()));
      await harness?.close();
    });

    async function collect(
      topic: TestTopic,
      group: string,
      received: IncomingMessage<Order>[],
      handler?: (m: IncomingMessage<Order>) => Promise<void> | void,
    ) {
      const consumer = await bus.consume({
        group,
        topic,
        retry: { maxAttempts: 3, initialDelayMs: 10, maxDelayMs: 50 },
        handler: async (message) => {
          await handler?.(message);
          received.push(message);
        },
      });
      consumers.push(consumer);
      return consumer;
    }

    function collectDeadLetters(topic: TestTopic, letters: DeadLetter[]) {
      return bus.consume({
        group: uniqueGroup(),
        topic: topic.deadLetter!,
        handler: (message) => {
          letters.push(message.payload);
        },
      });
    }

    it('delivers what was published: key, headers and the validated payload', async () => {
      const topic = testTopic();
      await bus.publish(topic, [
        { key: 'ticket-1', payload: { sequence: 1, note: 'hello' }, headers: { origin: 'test' } },
      ]);
      const received: IncomingMessage<Order>[] = [];
      await collect(topic, uniqueGroup(), received);
      await eventually(() => expect(received).toHaveLength(1));
      const [message] = received;
      expect(message).toMatchObject({
        topic: topic.name,
        key: 'ticket-1',
        payload: { sequence: 1, note: 'hello' },
        attempt: 1,
      });
      expect(message?.headers.origin).toBe('test');
      expect(message?.offset).toMatch(/^[0-9]+$/);
    });

    it('refuses to publish a payload that breaks the schema, and sends nothing of the batch', async () => {
      const topic = testTopic(1);
      const bad = { sequence: -1 } as Order;
      await expect(
        bus.publish(topic, [
          { key: 'a', payload: { sequence: 0 } },
          { key: 'a', payload: bad },
        ]),
      ).rejects.toBeInstanceOf(InvalidMessageError);
      await bus.publish(topic, [{ key: 'a', payload: { sequence: 1 } }]);
      const received: IncomingMessage<Order>[] = [];
      await collect(topic, uniqueGroup(), received);
      await eventually(() => expect(received.map((m) => m.payload.sequence)).toEqual([1]));
    });

    it('keeps the order of each key across partitions and consumers of a group', async () => {
      const topic = testTopic(6);
      const keys = Array.from({ length: 12 }, (_, i) => `stream-${i}`);
      const perKey = 25;
      const received: { key: string; value: number }[] = [];
      const group = uniqueGroup();
      const record = (m: IncomingMessage<Order>) => {
        received.push({ key: m.key!, value: m.payload.sequence });
      };
      await Promise.all([collect(topic, group, [], record), collect(topic, group, [], record)]);
      for (let sequence = 0; sequence < perKey; sequence += 5) {
        const batch = keys.flatMap((key) =>
          Array.from({ length: 5 }, (_, i) => ({ key, payload: { sequence: sequence + i } })),
        );
        await bus.publish(topic, batch);
      }
      await eventually(() =>
        expect(new Set(received.map((r) => `${r.key}/${r.value}`)).size).toBe(keys.length * perKey),
      );
      const arrivals = firstArrivals(received);
      for (const key of keys) expect(arrivals.get(key)).toEqual(Array.from({ length: perKey }, (_, i) => i));
    });

    it('hands partitions over when members join and leave mid-stream: nothing lost, each key in order', async () => {
      const topic = testTopic(4);
      const group = uniqueGroup();
      const received: { key: string; value: number }[] = [];
      const record = (m: IncomingMessage<Order>) => {
        received.push({ key: m.key!, value: m.payload.sequence });
      };
      const total = 400;
      const publishing = (async () => {
        for (let sequence = 0; sequence < total; sequence += 10) {
          await bus.publish(
            topic,
            Array.from({ length: 10 }, (_, i) => ({
              key: `k${(sequence + i) % 8}`,
              payload: { sequence: sequence + i },
            })),
          );
          await delay(10);
        }
      })();
      const first = await collect(topic, group, [], record);
      await eventually(() => expect(received.length).toBeGreaterThan(50));
      const second = await collect(topic, group, [], record);
      await second.ready;
      await eventually(() => expect(received.length).toBeGreaterThan(200));
      await first.stop();
      await publishing;
      await eventually(() => expect(new Set(received.map((r) => r.value)).size).toBe(total));
      for (const [key, values] of firstArrivals(received))
        expect(values, key).toEqual([...values].sort((a, b) => a - b));
    });

    it('every group gets every message', async () => {
      const topic = testTopic(2);
      await bus.publish(
        topic,
        [0, 1, 2].map((sequence) => ({ key: `k${sequence}`, payload: { sequence } })),
      );
      const first: IncomingMessage<Order>[] = [];
      const second: IncomingMessage<Order>[] = [];
      await Promise.all([collect(topic, uniqueGroup(), first), collect(topic, uniqueGroup(), second)]);
      await eventually(() => {
        expect(first).toHaveLength(3);
        expect(second).toHaveLength(3);
      });
    });

    it('redelivers after a failed handler, and holds the key back until it succeeds', async () => {
      const topic = testTopic(1);
      await bus.publish(topic, [
        { key: 'k', payload: { sequence: 0 } },
        { key: 'k', payload: { sequence: 1 } },
      ]);
      const attempts: { sequence: number; attempt: number }[] = [];
      const received: IncomingMessage<Order>[] = [];
      await collect(topic, uniqueGroup(), received, (m) => {
        attempts.push({ sequence: m.payload.sequence, attempt: m.attempt });
        if (m.payload.sequence === 0 && m.attempt < 3) throw new Error('database briefly unavailable');
      });
      await eventually(() => expect(received.map((m) => m.payload.sequence)).toEqual([0, 1]));
      expect(attempts).toEqual([
        { sequence: 0, attempt: 1 },
        { sequence: 0, attempt: 2 },
        { sequence: 0, attempt: 3 },
        { sequence: 1, attempt: 1 },
      ]);
    });

    it('moves poison messages to the dead-letter topic, with why and where from, and goes on', async () => {
      const topic = testTopic(1);
      await bus.ensureTopics([topic]);
      await bus.publish(topic, [{ key: 'k', payload: { sequence: 0 } }]);
      await bus.publish(uncheckedView(topic), [{ key: 'k', payload: { sequence: 'not a number' } }]);
      await bus.publish(topic, [
        { key: 'k', payload: { sequence: 2 } },
        { key: 'k', payload: { sequence: 3 } },
        { key: 'k', payload: { sequence: 4 } },
      ]);
      const letters: DeadLetter[] = [];
      consumers.push(await collectDeadLetters(topic, letters));
      const received: IncomingMessage<Order>[] = [];
      await collect(topic, uniqueGroup(), received, (m) => {
        if (m.payload.sequence === 2) throw new Error('always fails');
        if (m.payload.sequence === 3) throw new PermanentFailure('test.refused', 'no retry can fix this');
      });
      await eventually(() => {
        expect(received.map((m) => m.payload.sequence)).toEqual([0, 4]);
        expect(letters).toHaveLength(3);
      });
      const byOffset = [...letters].sort((a, b) => Number(a.offset) - Number(b.offset));
      expect(byOffset.map((l) => [l.offset, l.error.code, l.attempts])).toEqual([
        ['1', 'messaging.invalid_message', 0],
        ['2', 'messaging.handler_failed', 3],
        ['3', 'test.refused', 1],
      ]);
      const [invalid, failing] = byOffset;
      expect(invalid).toMatchObject({ sourceTopic: topic.name, partition: 0, key: 'k', payloadEncoding: 'utf8' });
      expect(JSON.parse(invalid!.payload)).toEqual({ sequence: 'not a number' });
      expect(invalid!.error.message).toMatch(/sequence/);
      expect(failing!.error.message).toBe('always fails');
      expect(orderSchema.parse(JSON.parse(failing!.payload))).toEqual({ sequence: 2 });
    });

    it('delivers again to the next member what a killed consumer had not committed', async () => {
      const topic = testTopic(1);
      const group = uniqueGroup();
      await bus.publish(topic, [{ key: 'doomed', payload: { sequence: 7 } }]);
      expect(await harness.consumeThenDie(topic, group)).toBe('doomed');
      const received: IncomingMessage<Order>[] = [];
      await collect(topic, group, received);
      await eventually(() => expect(received.map((m) => m.payload.sequence)).toEqual([7]));
    });

    it('commits what was processed on a graceful stop: the next member starts after it', async () => {
      const topic = testTopic(2);
      const group = uniqueGroup();
      await bus.publish(
        topic,
        Array.from({ length: 10 }, (_, sequence) => ({ key: `k${sequence % 3}`, payload: { sequence } })),
      );
      const before: IncomingMessage<Order>[] = [];
      const first = await collect(topic, group, before);
      await eventually(() => expect(before).toHaveLength(10));
      await first.stop();
      await bus.publish(topic, [{ key: 'k0', payload: { sequence: 10 } }]);
      const after: IncomingMessage<Order>[] = [];
      await collect(topic, group, after);
      await eventually(() => expect(after.map((m) => m.payload.sequence)).toEqual([10]));
      await delay(200);
      expect(after).toHaveLength(1);
    });

    it('commits without handling what a group declines, and hands it the rest in order', async () => {
      const topic = testTopic(2);
      const group = uniqueGroup();
      const declined = (key: string | null) => key === 'skip';
      await bus.publish(
        topic,
        Array.from({ length: 12 }, (_, sequence) => ({
          key: sequence % 3 === 0 ? 'skip' : `k${sequence % 2}`,
          payload: { sequence },
        })),
      );
      const received: IncomingMessage<Order>[] = [];
      const first = await bus.consume({
        group,
        topic,
        accepts: (_headers, key) => !declined(key),
        handler: (message) => void received.push(message),
      });
      const kept = [1, 2, 4, 5, 7, 8, 10, 11];
      await eventually(() => expect(received.map((m) => m.payload.sequence).sort((a, b) => a - b)).toEqual(kept));
      await first.stop();
      // Declined messages were committed: the next member of the group starts after all of them.
      await bus.publish(topic, [{ key: 'skip', payload: { sequence: 12 } }]);
      const after: IncomingMessage<Order>[] = [];
      consumers.push(await bus.consume({ group, topic, handler: (message) => void after.push(message) }));
      await eventually(() => expect(after.map((m) => m.payload.sequence)).toEqual([12]));
    });

    it('handles distinct keys at once up to `concurrency`, never two of one key, each key in order', async () => {
      const topic = testTopic(1);
      const keys = ['a', 'b', 'c', 'd', 'e', 'f'];
      const perKey = 8;
      let inFlight = 0;
      let mostInFlight = 0;
      const busyKeys = new Set<string>();
      let overlapping = 0;
      const received: { key: string; value: number }[] = [];
      consumers.push(
        await bus.consume({
          group: uniqueGroup(),
          topic,
          concurrency: 4,
          handler: async (m) => {
            if (busyKeys.has(m.key!)) overlapping += 1;
            busyKeys.add(m.key!);
            inFlight += 1;
            mostInFlight = Math.max(mostInFlight, inFlight);
            await delay(5);
            inFlight -= 1;
            busyKeys.delete(m.key!);
            received.push({ key: m.key!, value: m.payload.sequence });
          },
        }),
      );
      await bus.publish(
        topic,
        Array.from({ length: perKey }, (_, sequence) => keys.map((key) => ({ key, payload: { sequence } }))).flat(),
      );
      await eventually(() =>
        expect(new Set(received.map((r) => `${r.key}/${r.value}`)).size).toBe(keys.length * perKey),
      );
      expect(overlapping).toBe(0);
      expect(mostInFlight).toBeGreaterThan(1);
      expect(mostInFlight).toBeLessThanOrEqual(4);
      for (const key of keys) expect(firstArrivals(received).get(key), key).toEqual([...Array(perKey).keys()]);
    });

    it('with `concurrency`, commits nothing past a message not yet handled, whatever was handled after it', async () => {
      const topic = testTopic(1);
      const group = uniqueGroup();
      await bus.publish(topic, [
        { key: 'stuck', payload: { sequence: 0 } },
        ...[1, 2, 3].map((sequence) => ({ key: `k${sequence}`, payload: { sequence } })),
      ]);
      const first: number[] = [];
      const attempts: number[] = [];
      const member = await bus.consume({
        group,
        topic,
        concurrency: 4,
        retry: { maxAttempts: 1_000, initialDelayMs: 10, maxDelayMs: 20 },
        handler: (m) => {
          if (m.payload.sequence === 0) {
            attempts.push(m.attempt);
            throw new Error('not yet');
          }
          first.push(m.payload.sequence);
        },
      });
      await eventually(() => {
        expect([...first].sort()).toEqual([1, 2, 3]);
        expect(attempts.length).toBeGreaterThan(1);
      });
      await member.stop();
      await bus.publish(topic, [{ key: 'k4', payload: { sequence: 4 } }]);
      const next: IncomingMessage<Order>[] = [];
      await collect(topic, group, next);
      // The stuck message held the commit back: what was handled after it comes again too.
      await eventually(() => expect([...new Set(next.map((m) => m.payload.sequence))].sort()).toEqual([0, 1, 2, 3, 4]));
    });

    it('with `concurrency`, dead-letters a poison message and goes on with the other keys', async () => {
      const topic = testTopic(1);
      await bus.ensureTopics([topic]);
      await bus.publish(topic, [{ key: 'a', payload: { sequence: 0 } }]);
      await bus.publish(uncheckedView(topic), [{ key: 'b', payload: { sequence: 'not a number' } }]);
      await bus.publish(topic, [
        { key: 'c', payload: { sequence: 2 } },
        { key: 'b', payload: { sequence: 3 } },
        { key: 'a', payload: { sequence: 4 } },
      ]);
      const letters: DeadLetter[] = [];
      consumers.push(await collectDeadLetters(topic, letters));
      const received: number[] = [];
      consumers.push(
        await bus.consume({
          group: uniqueGroup(),
          topic,
          concurrency: 3,
          retry: { maxAttempts: 2, initialDelayMs: 10, maxDelayMs: 20 },
          handler: (m) => {
            if (m.payload.sequence === 2) throw new PermanentFailure('test.refused', 'no retry can fix this');
            received.push(m.payload.sequence);
          },
        }),
      );
      await eventually(() => {
        expect([...received].sort()).toEqual([0, 3, 4]);
        expect(letters.map((l) => [l.offset, l.error.code]).sort()).toEqual([
          ['1', 'messaging.invalid_message'],
          ['2', 'test.refused'],
        ]);
      });
      expect(received.indexOf(0)).toBeLessThan(received.indexOf(4));
    });

    it('shows on /metrics the messages a consumer has not handled, and 0 once it caught up', async () => {
      const app = await createHttpServer({
        service: 'lag-test',
        logger: createLogger({ service: 'lag-test', level: 'silent' }),
        openapi: { title: 'lag', version: '1' },
        metrics: createMetrics({ service: 'lag-test', defaultMetrics: false }),
      });
      try {
        const lag = bus.exportConsumerLag(app.metrics, { intervalMs: 60_000 });
        const topic = testTopic(2);
        const group = uniqueGroup();
        const scrape = async () => {
          await lag.update();
          return lagOn((await app.inject({ method: 'GET', url: '/metrics' })).body, group);
        };
        let release: () => void = () => {};
        const paused = new Promise<void>((resolve) => {
          release = resolve;
        });
        let handled = 0;
        const consumer = await bus.consume({
          group,
          topic,
          handler: async () => {
            // The consumer is stuck on its first message until the test releases it.
            await paused;
            handled += 1;
          },
        });
        await consumer.ready;
        await bus.publish(
          topic,
          Array.from({ length: 10 }, (_, sequence) => ({ key: `k-${sequence % 4}`, payload: { sequence } })),
        );

        // Nothing is committed while the handler waits: every message shows, on the partitions it owns.
        await eventually(async () => expect(await scrape()).toBe(10), 20_000, 200);

        release();
        await eventually(() => expect(handled).toBe(10), 20_000);
        await eventually(async () => expect(await scrape()).toBe(0), 20_000, 200);

        // A stopped member owns no partition: its series leave the gauge.
        await consumer.stop();
        expect(await scrape()).toBeUndefined();
      } finally {
        await app.close();
      }
    });

    it('refuses a `concurrency` that is not a positive integer, naming it', async () => {
      await expect(
        bus.consume({ group: uniqueGroup(), topic: testTopic(1), concurrency: 0, handler: () => {} }),
      ).rejects.toThrow(/concurrency must be a positive integer, not 0/);
    });

    it('loses nothing when the broker stops and starts again mid-stream', async (context) => {
      if (harness.restartBroker === undefined) {
        context.skip('no broker this test may restart');
        return;
      }
      const topic = testTopic(3);
      const received: { key: string; value: number }[] = [];
      await collect(topic, uniqueGroup(), [], (m) => {
        received.push({ key: m.key!, value: m.payload.sequence });
      });
      const total = 300;
      const publishing = (async () => {
        for (let sequence = 0; sequence < total; sequence += 1) {
          // At least once from the caller too: a send the outage made fail is sent again.
          for (;;) {
            try {
              await bus.publish(topic, [{ key: `k${sequence % 5}`, payload: { sequence } }]);
              break;
            } catch {
              await delay(200);
            }
          }
          if (sequence % 10 === 0) await delay(5);
        }
      })();
      await eventually(() => expect(received.length).toBeGreaterThan(30));
      await harness.restartBroker();
      await publishing;
      await eventually(() => expect(new Set(received.map((r) => r.value)).size).toBe(total), 60_000);
      const arrivals = firstArrivals(received);
      for (const [key, values] of arrivals) {
        expect(values, key).toEqual([...values].sort((a, b) => a - b));
      }
    });
  });
}
