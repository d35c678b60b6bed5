// pnpm bench: the relay's throughput (SQLite store → Kafka, → in-process bus) against the raw
// kafkajs producer in the same run, and end-to-end latency (append → consumer handler).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, type SqliteEventStore } from '@hotline/eventstore';
import { kafkaForTests } from '@hotline/testkit';
import { Partitioners } from 'kafkajs';
import {
  type Bus,
  defineTopic,
  EventRelay,
  eventDataSchema,
  eventHeadersSchema,
  eventMessage,
  InProcessBus,
  KafkaBus,
  SoleRelay,
  silentLogger,
} from '../src/index.ts';

const events = Number(process.env.BENCH_EVENTS ?? 50_000);
const latencyEvents = Number(process.env.BENCH_LATENCY_EVENTS ?? 1000);
const streams = 200;
const partitions = 12;
const rows: { what: string; figure: string; note: string }[] = [];
const dir = mkdtempSync(join(tmpdir(), 'hotline-messaging-bench-'));

function eventsTopic() {
  return defineTopic({
    name: `bench.events.${randomUUID()}.v1`,
    partitions,
    title: 'bench',
    description: 'support.events.v1 for one benchmark run',
    key: 'the stream id',
    payload: eventDataSchema,
    headers: eventHeadersSchema,
  });
}

async function filledStore(count: number): Promise<SqliteEventStore> {
  const store = await openSqliteStore({ file: join(dir, `${randomUUID()}.sqlite`) });
  const perAppend = 10;
  const concurrent = 100;
  for (let written = 0; written < count; written += perAppend * concurrent) {
    await Promise.all(
      Array.from({ length: concurrent }, (_, i) =>
        store.append(
          `ticket-${(written / perAppend + i) % streams}`,
          Array.from({ length: perAppend }, (_, j) => ({
            type: 'TicketNoted',
            data: {
              note: 'The client confirms the workaround works on the production server.',
              n: written + i * perAppend + j,
            },
            actor: 'agent-7',
          })),
          { expectedRevision: 'any' },
        ),
      ),
    );
  }
  return store;
}

async function rawProducer(bus: KafkaBus, store: SqliteEventStore): Promise<number> {
  const topic = eventsTopic();
  await bus.ensureTopics([topic]);
  // The very messages the relay sends, encoded beforehand: what is left is kafkajs and the broker.
  const messages = (await store.readAll()).map((event) => {
    const message = eventMessage(event);
    return { key: message.key, value: JSON.stringify(message.payload), headers: message.headers };
  });
  const producer = bus.client.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  const begun = performance.now();
  for (let i = 0; i < messages.length; i += 1000) {
    await producer.send({ topic: topic.name, acks: -1, messages: messages.slice(i, i + 1000) });
  }
  const seconds = (performance.now() - begun) / 1000;
  await producer.disconnect();
  return messages.length / seconds;
}

async function relayThroughput(bus: Bus, store: SqliteEventStore): Promise<number> {
  const topic = eventsTopic();
  await bus.ensureTopics([topic]);
  const head = await store.headPosition();
  const begun = performance.now();
  const relay = new EventRelay({ store, bus, checkpoints: new SoleRelay(), topic, logger: silentLogger }).start();
  await relay.waitFor(head, 600_000);
  const seconds = (performance.now() - begun) / 1000;
  await relay.stop();
  return relay.published / seconds;
}

async function endToEnd(bus: Bus): Promise<{ p50: number; p99: number; max: number }> {
  const store = await openSqliteStore({ file: join(dir, `${randomUUID()}.sqlite`) });
  const topic = eventsTopic();
  const latencies: number[] = [];
  let resolveAll: () => void = () => {};
  const all = new Promise<void>((resolve) => {
    resolveAll = resolve;
  });
  const consumer = await bus.consume({
    group: `bench-${randomUUID()}`,
    topic,
    handler: (message) => {
      if (message.payload.warmUp === true) return;
      latencies.push(performance.timeOrigin + performance.now() - Number(message.payload.sentAt));
      if (latencies.length === latencyEvents) resolveAll();
    },
  });
  await consumer.ready;
  const relay = new EventRelay({ store, bus, checkpoints: new SoleRelay(), topic, logger: silentLogger }).start();
  // A steady 500 appends a second, one event each (each an fsync), as services would append; the
  // first second warms up (group join, first fetches, JIT) and is not measured.
  const warmUp = 500;
  for (let i = 0; i < warmUp + latencyEvents; i += 1) {
    const sentAt = performance.timeOrigin + performance.now();
    const data = { sentAt, warmUp: i < warmUp };
    await store.append(`ticket-${i % streams}`, [{ type: 'TicketNoted', data, actor: 'agent-7' }], {
      expectedRevision: 'any',
    });
    const next = sentAt + 2 - (performance.timeOrigin + performance.now());
    if (next > 0) await new Promise((resolve) => setTimeout(resolve, next));
  }
  await all;
  await relay.stop();
  await consumer.stop();
  await store.close();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { p50: at(0.5), p99: at(0.99), max: latencies[latencies.length - 1]! };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const perSecond = (value: number) => `${Math.round(value).toLocaleString('en-US')} /s`;

try {
  process.stderr.write(`preparing a SQLite store of ${events} events…\n`);
  const store = await filledStore(events);
  const inProcess = new InProcessBus({ logger: silentLogger });
  const inProcessRate = await relayThroughput(inProcess, store);
  rows.push({ what: 'relay SQLite → in-process bus', figure: perSecond(inProcessRate), note: `${events} events` });
  const latencyInProcess = await endToEnd(inProcess);
  rows.push({
    what: 'append → handler, in-process',
    figure: `p50 ${ms(latencyInProcess.p50)}, p99 ${ms(latencyInProcess.p99)}`,
    note: `${latencyEvents} events at 500/s, max ${ms(latencyInProcess.max)}`,
  });
  await inProcess.close();

  const kafka = await kafkaForTests();
  if (!kafka.available) {
    rows.push({ what: 'Kafka', figure: 'skipped', note: kafka.reason });
  } else {
    const { brokers, source, startMs } = kafka.value.endpoint;
    rows.push({ what: 'Kafka broker', figure: brokers.join(','), note: `${source}, ready in ${startMs} ms` });
    const bus = new KafkaBus({ brokers, logger: silentLogger, maxWaitTimeInMs: 50, sessionTimeoutMs: 6000 });
    try {
      // Interleaved, best of two each: the broker shares the two cores, and one run can catch a GC or a
      // log segment roll that the other does not.
      let raw = 0;
      let relayed = 0;
      for (let round = 0; round < 2; round += 1) {
        raw = Math.max(raw, await rawProducer(bus, store));
        relayed = Math.max(relayed, await relayThroughput(bus, store));
      }
      rows.push({
        what: 'raw kafkajs producer (baseline)',
        figure: perSecond(raw),
        note: 'idempotent, acks all, 1,000 a send, best of 2',
      });
      rows.push({
        what: 'relay SQLite → Kafka',
        figure: perSecond(relayed),
        note: `best of 2, ${Math.round((relayed / raw) * 100)}% of the baseline (goal ≥ 60%)`,
      });
      const latency = await endToEnd(bus);
      rows.push({
        what: 'append → handler, Kafka',
        figure: `p50 ${ms(latency.p50)}, p99 ${ms(latency.p99)}`,
        note: `${latencyEvents} events at 500/s, max ${ms(latency.max)}`,
      });
    } finally {
      await bus.close();
      await kafka.value.stop();
    }
  }
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const width = (key: 'what' | 'figure' | 'note') => Math.max(key.length, ...rows.map((row) => row[key].length));
const line = (row: { what: string; figure: string; note: string }) =>
  `| ${row.what.padEnd(width('what'))} | ${row.figure.padEnd(width('figure'))} | ${row.note.padEnd(width('note'))} |`;
console.log(line({ what: 'what', figure: 'figure', note: 'note' }));
console.log(`|${'-'.repeat(width('what') + 2)}|${'-'.repeat(width('figure') + 2)}|${'-'.repeat(width('note') + 2)}|`);
for (const row of rows) console.log(line(row));
