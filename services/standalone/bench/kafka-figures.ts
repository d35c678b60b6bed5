import { randomUUID } from 'node:crypto';
import { eventsTopic, type KafkaBus, supportTopics } from '@hotline/messaging';
import { streams } from '@hotline/platform';
import { latencies, type Row, type Spread, spread } from './figures.ts';
import { inboundSubmission } from './topic-load.ts';

// kafkajs is messaging's dependency, not this package's: its consumer type comes through the bus's client.
type Consumer = ReturnType<KafkaBus['client']['consumer']>;

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

export interface HopFigures {
  /** From the publish call on support.inbound.v1 to the TicketReceived recorded in the store (intake). */
  readonly stored: Spread;
  /** From the store to support.events.v1 (the relay: its poll, its batch, the send), by the message's timestamp. */
  readonly relayed: Spread;
  /** From the relay's send to a consumer of support.events.v1 (Kafka and kafkajs's fetch). */
  readonly delivered: Spread;
  /** The three together: published on the inbound topic → readable on the events topic. */
  readonly onEvents: Spread;
}

/**
 * Where a ticket's projection lag goes, hop by hop, for the tickets `published` is told of: a
 * consumer of its own on support.events.v1 reads each TicketReceived's `recorded-at` (the store's
 * commit), the message's timestamp (the relay's send) and its own arrival. What the projection lag
 * adds beyond `onEvents` is reporting's share (its consumer, Redis, the view's refresh). Clocks are
 * the one machine's, so differences hold to the millisecond.
 */
export class HopTracker {
  readonly #consumer: Consumer;
  readonly #published = new Map<string, number>();
  readonly #seen = new Set<string>();
  readonly #hops = {
    stored: [] as number[],
    relayed: [] as number[],
    delivered: [] as number[],
    onEvents: [] as number[],
  };

  private constructor(consumer: Consumer) {
    this.#consumer = consumer;
  }

  /** Resolves once the tracker's group owns support.events.v1's partitions, reading from their end. */
  static async start(bus: KafkaBus): Promise<HopTracker> {
    const consumer = bus.client.consumer({ groupId: `bench-hops-${randomUUID()}`, maxWaitTimeInMs: 50 });
    const tracker = new HopTracker(consumer);
    const joined = new Promise<void>((resolve) => {
      const remove = consumer.on(consumer.events.GROUP_JOIN, () => {
        remove();
        resolve();
      });
    });
    await consumer.connect();
    await consumer.subscribe({ topic: eventsTopic.name, fromBeginning: false });
    await consumer.run({ eachMessage: async ({ message }) => tracker.#read(message) });
    await joined;
    return tracker;
  }

  /** The tickets of one publish call, made at `at` (ms since the epoch). */
  published(ticketIds: readonly string[], at: number): void {
    for (const id of ticketIds) this.#published.set(streams.ticket(id), at);
  }

  async stop(): Promise<HopFigures> {
    await this.#consumer.disconnect();
    return {
      stored: spread(this.#hops.stored),
      relayed: spread(this.#hops.relayed),
      delivered: spread(this.#hops.delivered),
      onEvents: spread(this.#hops.onEvents),
    };
  }

  #read(message: { timestamp: string; headers?: Record<string, unknown> }): void {
    const arrived = Date.now();
    const header = (name: string) => String(message.headers?.[name] ?? '');
    if (header('event-type') !== 'TicketReceived') return;
    const stream = header('stream');
    const published = this.#published.get(stream);
    // A relay's repeat after a takeover is the same event again: its first arrival counts.
    if (published === undefined || this.#seen.has(stream)) return;
    this.#seen.add(stream);
    const recorded = Date.parse(header('recorded-at'));
    const sent = Number(message.timestamp);
    this.#hops.stored.push(recorded - published);
    this.#hops.relayed.push(sent - recorded);
    this.#hops.delivered.push(arrived - sent);
    this.#hops.onEvents.push(arrived - published);
  }
}

/** The hops as the run's rows, reporting's share read against the projection lag. */
export function hopRows(hops: HopFigures, projectionLag: Spread): Row[] {
  return [
    {
      what: 'Kafka topic, hop: published → in the store',
      figure: latencies(hops.stored),
      note: `intake; ${hops.stored.count} tickets`,
    },
    { what: 'Kafka topic, hop: store → support.events.v1', figure: latencies(hops.relayed), note: 'the relay' },
    {
      what: 'Kafka topic, hop: support.events.v1 → a consumer',
      figure: latencies(hops.delivered),
      note: 'Kafka, fetch',
    },
    {
      what: 'Kafka topic, published → readable on support.events.v1',
      figure: latencies(hops.onEvents),
      note: `the projection lag beyond it is reporting's: p50 ${Math.round(projectionLag.p50 - hops.onEvents.p50)} ms, p99 ${Math.round(projectionLag.p99 - hops.onEvents.p99)} ms (by difference of spreads, the probe samples fewer tickets)`,
    },
  ];
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('the raw consumer fell behind for good');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
