import { kafkaForTests, requiredInCi, titled } from '@hotline/testkit';
import { type Admin, Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { behind, groupProgress } from './group-progress.ts';

// This project has no shared broker (the fault suite brings its own): one for this file.
const found = await kafkaForTests();
if (!found.available && requiredInCi()) throw new Error(found.reason);
const kafka = found.available ? { available: true as const, endpoint: found.value.endpoint } : found;

/** The offsets the fault suite's checks read (what each group has left), on a real broker. */
describe.skipIf(!kafka.available)(titled('consumer group progress', kafka), () => {
  let admin: Admin;
  let client: Kafka;
  const topic = `progress-${process.pid}-${Date.now()}`;
  const group = `progress-group-${process.pid}`;

  beforeAll(async () => {
    if (!kafka.available) return;
    client = new Kafka({
      clientId: 'group-progress-spec',
      brokers: [...kafka.endpoint.brokers],
      logLevel: logLevel.NOTHING,
    });
    admin = client.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
    const producer = client.producer();
    await producer.connect();
    // 4 messages on partition 0, 2 on partition 1, none on partition 2.
    await producer.send({
      topic,
      messages: [0, 0, 0, 0, 1, 1].map((partition, i) => ({ partition, value: `m${i}` })),
    });
    await producer.disconnect();
  });

  afterAll(async () => {
    await admin?.deleteTopics({ topics: [topic] }).catch(() => {});
    await admin?.disconnect();
    if (found.available) await found.value.stop();
  });

  it('reads every partition of the topic, the ones the group never committed to included', async () => {
    await admin.setOffsets({ groupId: group, topic, partitions: [{ partition: 0, offset: '3' }] });
    const progress = await groupProgress(admin, group, topic);
    expect(progress).toEqual([
      { partition: 0, committed: 3n, end: 4n },
      { partition: 1, committed: -1n, end: 2n },
      { partition: 2, committed: -1n, end: 0n },
    ]);
    expect(progress.map(behind)).toEqual([1n, 2n, 0n]);
  });

  it('counts nothing behind once the group committed to every end', async () => {
    await admin.setOffsets({
      groupId: group,
      topic,
      partitions: [
        { partition: 0, offset: '4' },
        { partition: 1, offset: '2' },
      ],
    });
    expect((await groupProgress(admin, group, topic)).map(behind)).toEqual([0n, 0n, 0n]);
  });
});
