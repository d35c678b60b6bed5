import { randomUUID } from 'node:crypto';
import { type DeadLetter, KafkaBus } from '@hotline/messaging';
import {
  destroyLocalKafka,
  type LocalKafka,
  localKafkaUnavailable,
  requiredInCi,
  startLocalKafka,
} from '@hotline/testkit';
import { type Admin, Partitioners } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { traceInbound } from './inbound-trace.ts';

const missing = localKafkaUnavailable();
if (missing !== undefined && requiredInCi())
  throw new Error(`the inbound trace's test needs, where CI is set: ${missing}`);

describe.skipIf(missing !== undefined)(
  `the trace of inbound messages whose tickets are missing, on a real broker${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    let kafka: LocalKafka;
    let bus: KafkaBus;
    let admin: Admin;

    beforeAll(async () => {
      kafka = await startLocalKafka();
      bus = new KafkaBus({ brokers: kafka.brokers, clientId: 'inbound-trace-test' });
      admin = bus.client.admin();
      await admin.connect();
    });

    afterAll(async () => {
      await admin?.disconnect().catch(() => {});
      await bus?.close().catch(() => {});
      if (kafka !== undefined) await destroyLocalKafka(kafka.dir);
    });

    it('says of each key whether it is on the topic, consumed or not, dead-lettered, or nowhere', async () => {
      const path = { topic: `trace-${randomUUID()}`, group: 'taker', deadLetters: `trace-dlq-${randomUUID()}` };
      await admin.createTopics({
        topics: [path.topic, path.deadLetters].map((topic) => ({ topic, numPartitions: 1 })),
        waitForLeaders: true,
      });
      const producer = bus.client.producer({ createPartitioner: Partitioners.DefaultPartitioner });
      await producer.connect();
      await producer.send({
        topic: path.topic,
        messages: ['consumed', 'waiting', 'rejected'].map((key) => ({ key, value: JSON.stringify({ key }) })),
      });
      const deadLetter: DeadLetter = {
        sourceTopic: path.topic,
        partition: 0,
        offset: '2',
        key: 'rejected',
        headers: {},
        payload: '{}',
        payloadEncoding: 'utf8',
        group: path.group,
        attempts: 5,
        error: { code: 'messaging.handler_failed', message: 'the store refused it' },
        deadLetteredAt: new Date().toISOString(),
      };
      await producer.send({
        topic: path.deadLetters,
        messages: [{ key: 'rejected', value: JSON.stringify(deadLetter) }],
      });
      await producer.disconnect();
      // The group took the first message in and committed past it.
      await admin.setOffsets({ groupId: path.group, topic: path.topic, partitions: [{ partition: 0, offset: '1' }] });

      expect(await traceInbound(bus.client, admin, ['consumed', 'waiting', 'rejected', 'never-sent'], path)).toEqual([
        `consumed: on ${path.topic} at partition 0 offset 0, which taker committed past (1): consumed, never dead-lettered`,
        `waiting: on ${path.topic} at partition 0 offset 1, which taker has not reached (committed 1), never dead-lettered`,
        `rejected: on ${path.topic} at partition 0 offset 2, which taker has not reached (committed 1); dead-lettered by taker after 5 attempts (messaging.handler_failed: the store refused it), from partition 0 offset 2, at ${path.deadLetters} partition 0 offset 0`,
        `never-sent: not on ${path.topic}: the broker acknowledged it and does not hold it`,
      ]);
    });
  },
);
