import { kafkaInTests, titled } from '@hotline/testkit';
import { Kafka, type Consumer as KafkajsConsumer, logLevel, type PartitionAssigner, PartitionAssigners } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { delay, eventually } from '../../test/support/eventually.ts';
import { testTopic, uniqueGroup } from '../../test/support/test-topics.ts';
import type { Consumer } from '../bus/bus.ts';
import type { Logger } from '../bus/logger.ts';
import { KafkaBus } from './kafka-bus.ts';

const kafka = kafkaInTests();

interface Entry {
  level: 'warn' | 'error';
  message: string;
  fields: Record<string, unknown>;
}

const liveness = { stallAfterMs: 3_000, restartDelayMs: 200, maxRestartDelayMs: 1_000, leaveTimeoutMs: 3_000 };

/**
 * The liveness of a KafkaConsumer on a real broker: a member kafkajs crashed for good, or whose
 * fetch loop stopped, is restarted and delivers again; every crash and restart is logged at error.
 */
describe.skipIf(!kafka.available)(titled('kafka consumer liveness', kafka), () => {
  const entries: Entry[] = [];
  const logger: Logger = {
    warn: (fields, message) => entries.push({ level: 'warn', message, fields }),
    error: (fields, message) => entries.push({ level: 'error', message, fields }),
  };
  const logged = (group: string, message: RegExp) =>
    entries.filter((entry) => entry.fields.group === group && message.test(entry.message));
  let bus: KafkaBus;
  let sessionTimeoutMs: number;
  let other: Kafka;
  const consumers: Consumer[] = [];

  beforeAll(() => {
    if (!kafka.available) return;
    const { brokers, minSessionTimeoutMs } = kafka.endpoint;
    sessionTimeoutMs = Math.max(minSessionTimeoutMs, 2000);
    bus = new KafkaBus({ brokers, logger, sessionTimeoutMs, maxWaitTimeInMs: 100, consumerLiveness: liveness });
    other = new Kafka({ brokers, clientId: 'another-application', logLevel: logLevel.NOTHING });
  });
  afterAll(async () => {
    await Promise.all(consumers.map((consumer) => consumer.stop()));
    await bus?.close();
  });

  /**
   * A member of another application in `group`, whose only assignor ours does not speak: while it is
   * in the group the broker refuses our member's join with INCONSISTENT_GROUP_PROTOCOL, an error
   * kafkajs does not retry: its consumer crashes and stays stopped (`restart: false`).
   */
  async function foreignMember(group: string, topic: string): Promise<KafkajsConsumer> {
    const foreign: PartitionAssigner = (config) => ({ ...PartitionAssigners.roundRobin(config), name: 'Foreign' });
    const member = other.consumer({
      groupId: group,
      partitionAssigners: [foreign],
      sessionTimeout: sessionTimeoutMs,
      heartbeatInterval: 200,
      maxWaitTimeInMs: 100,
    });
    const joined = new Promise((resolve) => member.on(member.events.GROUP_JOIN, resolve));
    await member.connect();
    await member.subscribe({ topic });
    await member.run({ eachMessage: async () => {} });
    await joined;
    return member;
  }

  /** A member of the bus's own, noting each message's sequence number as it is delivered. */
  async function consumeSequences(group: string, topic: ReturnType<typeof testTopic>) {
    const received: number[] = [];
    const consumer = await bus.consume({
      group,
      topic,
      handler: (message) => {
        received.push(message.payload.sequence);
      },
    });
    consumers.push(consumer);
    return { consumer, received };
  }

  it('restarts a consumer kafkajs crashed for good, which then delivers what is published after', async () => {
    const topic = testTopic(1);
    const group = uniqueGroup();
    await bus.ensureTopics([topic]);
    const foreign = await foreignMember(group, topic.name);
    const { consumer, received } = await consumeSequences(group, topic);

    await eventually(() => expect(logged(group, /kafkajs will not restart it/)).not.toEqual([]));
    const [crash] = logged(group, /consumer crashed/);
    expect(crash).toMatchObject({ level: 'error', fields: { topic: topic.name, kafkajsRestarts: false } });
    expect(String(crash!.fields.error)).toMatch(/protocols are incompatible/);
    // kafkajs's own word on it, which went nowhere before.
    expect(entries).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: expect.stringMatching(/^Crash: /),
        fields: expect.objectContaining({ kafkajs: 'Consumer', groupId: group }),
      }),
    );
    // While the foreign member stays, each restart fails the same way and is tried again, later.
    await eventually(() => expect(logged(group, /consumer restart failed/).length).toBeGreaterThanOrEqual(2));

    await foreign.disconnect();
    const freed = Date.now();
    await consumer.ready;
    const restartMs = Date.now() - freed;
    await bus.publish(topic, [{ key: 'k', payload: { sequence: 1 } }]);
    await eventually(() => expect(received).toEqual([1]));
    expect(logged(group, /consumer restart \d+ in \d+ ms/).every((entry) => entry.level === 'error')).toBe(true);
    expect(logged(group, /running again after a restart/)).toHaveLength(1);
    console.info(`[liveness] crashed for good: back ${restartMs} ms after the foreign member left`);
  });

  it('restarts a member whose fetch loop stopped without a word, once it has been silent for stallAfterMs', async () => {
    const topic = testTopic(2);
    const group = uniqueGroup();
    // Only to get hold of the real kafkajs consumer the bus makes: it is called through, unchanged.
    const made = vi.spyOn(bus.client, 'consumer');
    const { consumer, received } = await consumeSequences(group, topic);
    const member = made.mock.results.at(-1)!.value as KafkajsConsumer;
    made.mockRestore();
    await consumer.ready;
    await bus.publish(topic, [{ key: 'a', payload: { sequence: 1 } }]);
    await eventually(() => expect(received).toEqual([1]));

    // kafkajs's runner stops, no crash event, no restart: where kafkajs leaves a member whose
    // onCrash had its disconnect throw (the runner stopped first), or whose fetch loop wedged.
    await member.stop();
    const stoppedAt = Date.now();
    await bus.publish(topic, [{ key: 'b', payload: { sequence: 2 } }]);
    await eventually(() => expect(received).toEqual([1, 2]), 30_000);
    const backMs = Date.now() - stoppedAt;

    const [stall] = logged(group, /consumer stalled/);
    expect(stall).toMatchObject({ level: 'error', fields: { topic: topic.name } });
    expect(stall!.fields.silentMs).toBeGreaterThanOrEqual(liveness.stallAfterMs);
    expect(logged(group, /running again after a restart/)).toHaveLength(1);
    console.info(`[liveness] fetch loop stopped: delivering again after ${backMs} ms`);
  });

  it('does not take a batch waiting in its handler (retrying) for a stalled member', async () => {
    const topic = testTopic(1);
    const group = uniqueGroup();
    const received: number[] = [];
    let failingUntil = 0;
    const consumer = await bus.consume({
      group,
      topic,
      // The delivery waits between attempts, heartbeating: the fetch loop waits for the batch.
      retry: { maxAttempts: 1_000, initialDelayMs: 500, maxDelayMs: 500 },
      handler: (message) => {
        if (message.payload.sequence === 1 && Date.now() < failingUntil) throw new Error('not yet');
        received.push(message.payload.sequence);
      },
    });
    consumers.push(consumer);
    await consumer.ready;
    failingUntil = Date.now() + liveness.stallAfterMs + 1_500;
    await bus.publish(topic, [
      { key: 'k', payload: { sequence: 1 } },
      { key: 'k', payload: { sequence: 2 } },
    ]);
    await eventually(() => expect(received).toEqual([1, 2]), 30_000);
    expect(Date.now()).toBeGreaterThanOrEqual(failingUntil);
    expect(logged(group, /stalled|crashed|restart/)).toEqual([]);
  });

  it('ends a restart under way on stop: no attempt after it, no member of ours left in the group', async () => {
    const topic = testTopic(1);
    const group = uniqueGroup();
    await bus.ensureTopics([topic]);
    const foreign = await foreignMember(group, topic.name);
    try {
      const consumer = await bus.consume({ group, topic, handler: () => {} });
      await eventually(() => expect(logged(group, /consumer restart failed/)).not.toEqual([]));
      const begun = Date.now();
      await consumer.stop();
      const stopMs = Date.now() - begun;
      expect(stopMs).toBeLessThan(5_000);
      const after = logged(group, /./).length;
      await delay(liveness.maxRestartDelayMs * 2);
      expect(logged(group, /./)).toHaveLength(after);
      // The foreign member is alone in the group again: ours left it for good.
      const described = await foreign.describeGroup();
      expect(described.members.map((m) => m.clientId)).toEqual(['another-application']);
    } finally {
      await foreign.disconnect();
    }
  });
});
