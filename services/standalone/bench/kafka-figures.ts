import { randomUUID } from 'node:crypto';
import { type KafkaBus, supportTopics } from '@hotline/messaging';
import { type Spread, spread } from './figures.ts';
import { inboundSubmission } from './topic-load.ts';

/** Messages on the dead-letter topics of support.*: compared before and after a run, the dead letters it caused. */
export async function deadLetterTotals(bus: KafkaBus): Promise<Record<string, number>> {
  const admin = bus.client.admin();
  await admin.connect();
  try {
    const totals: Record<string, number> = {};
    for (const topic of supportTopics) {
      if (topic.deadLetter === undefined) continue;
      const offsets = await admin.fetchTopicOffsets(topic.deadLetter.name);
      totals[topic.deadLetter.name] = offsets.reduce((sum, { high, low }) => sum + Number(high) - Number(low), 0);
    }
    return totals;
  } finally {
    await admin.disconnect();
  }
}

export interface RawKafkaFigures {
  readonly lag: Spread;
  readonly drainRate: number;
}

/**
 * The baseline of the topic side: the same messages (JSON inbound submissions) through a raw
 * kafkajs producer and consumer on a fresh topic of support.inbound.v1's partitions, nothing done
 * with them: the produce → consume lag at the same offer, then the same burst's drain rate.
 */
export async function rawKafka(
  bus: KafkaBus,
  options: {
    readonly rate: number;
    readonly durationMs: number;
    readonly warmUpMs: number;
    readonly burst: number;
    readonly next: () => Record<string, unknown>;
  },
): Promise<RawKafkaFigures> {
  const topic = `bench.inbound.${randomUUID()}.v1`;
  const admin = bus.client.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 6, replicationFactor: 1 }], waitForLeaders: true });
  await admin.disconnect();
  const producer = bus.client.producer({ idempotent: true, maxInFlightRequests: 1 });
  const consumer = bus.client.consumer({ groupId: `bench-${randomUUID()}`, maxWaitTimeInMs: 50 });
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const lags: number[] = [];
  let received = 0;
  let countFrom = Number.POSITIVE_INFINITY;
  await consumer.run({
    eachMessage: async ({ message }) => {
      received += 1;
      const sentAt = Number(message.headers?.['sent-at']?.toString());
      if (sentAt >= countFrom) lags.push(performance.timeOrigin + performance.now() - sentAt);
    },
  });
  const send = (payloads: Record<string, unknown>[]) => {
    const sentAt = String(performance.timeOrigin + performance.now());
    return producer.send({
      topic,
      acks: -1,
      messages: payloads.map((payload) => {
        const message = inboundSubmission(payload);
        return { key: message.key, value: JSON.stringify(message.payload), headers: { 'sent-at': sentAt } };
      }),
    });
  };
  // Until the group has its partitions, nothing is consumed: one message, awaited, opens the run.
  await send([options.next()]);
  await waitFor(() => received >= 1, 60_000);
  const begun = performance.now();
  countFrom = performance.timeOrigin + begun + options.warmUpMs;
  let published = 1;
  for (let tick = 0; ; tick += 1) {
    const due = begun + tick * 50;
    if (due >= begun + options.durationMs) break;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const target = 1 + Math.floor(((tick + 1) * 50 * options.rate) / 1000);
    await send(Array.from({ length: target - published }, options.next));
    published = target;
  }
  await waitFor(() => received >= published, 120_000);
  const burstBegun = performance.now();
  for (let i = 0; i < options.burst; i += 500) {
    await send(Array.from({ length: Math.min(500, options.burst - i) }, options.next));
  }
  await waitFor(() => received >= published + options.burst, 300_000);
  const drainRate = options.burst / ((performance.now() - burstBegun) / 1000);
  await consumer.disconnect();
  await producer.disconnect();
  return { lag: spread(lags), drainRate };
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('the raw consumer fell behind for good');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
