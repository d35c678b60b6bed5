import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { busContract } from '../../test/bus-contract.ts';
import { eventually } from '../../test/support/eventually.ts';
import { defineTopic, InProcessBus, type InProcessConsumer, silentLogger } from '../index.ts';

busContract('in-process', async () => {
  const bus = new InProcessBus({ logger: silentLogger });
  return {
    bus,
    consumeThenDie: (topic, group) =>
      new Promise<string>((resolve) => {
        let consumer: InProcessConsumer | undefined;
        void bus
          .consume({
            group,
            topic,
            handler: async (message) => {
              await consumer?.kill();
              resolve(message.key ?? '');
              // A dead process never finishes its handler.
              await new Promise(() => {});
            },
          })
          .then((started) => {
            consumer = started as InProcessConsumer;
          });
      }),
    close: () => bus.close(),
  };
});

describe('the in-process bus checking messages', () => {
  it('checks a message once, when it is published, and hands all the groups that read it the payload it checked', async () => {
    let checks = 0;
    const counted = z.object({ sequence: z.number() }).refine(() => {
      checks += 1;
      return true;
    });
    const topic = defineTopic({
      name: 'test.checked-once.v1',
      partitions: 1,
      title: 't',
      description: 'd',
      key: 'k',
      payload: counted,
    });
    const bus = new InProcessBus({ logger: silentLogger });
    const seen: unknown[] = [];
    for (const group of ['a', 'b', 'c']) {
      await bus.consume({ group, topic, handler: (message) => void seen.push(message.payload) });
    }
    await bus.publish(topic, [{ key: 'k', payload: { sequence: 1 } }]);
    await eventually(() => expect(seen).toHaveLength(3));
    expect(checks).toBe(1);
    // The groups share one decoded payload, as a store's subscriptions share an event: none alters it.
    expect(new Set(seen).size).toBe(1);
    // The contract's copy of the payload, not the publisher's object: what the publisher changes next, none sees.
    const published = { sequence: 2 };
    await bus.publish(topic, [{ key: 'k', payload: published }]);
    await eventually(() => expect(seen).toHaveLength(6));
    expect(new Set(seen.slice(3)).size).toBe(1);
    expect(seen[3]).not.toBe(published);
    expect(seen[3]).toEqual(published);
    await bus.close();
  });
});
