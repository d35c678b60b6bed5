import { randomUUID } from 'node:crypto';
import { openMemoryStore } from '@hotline/eventstore';
import { kafkaInTests } from '@hotline/testkit';
import { propagation, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterAll, describe, expect, it } from 'vitest';
import { appendTickets, relayScenarios, testEventsTopic } from '../../test/relay-scenarios.ts';
import { eventually } from '../../test/support/eventually.ts';
import { type IncomingMessage, InProcessBus, KafkaBus, SoleRelay, silentLogger } from '../index.ts';
import { EventRelay } from './event-relay.ts';

const kafka = kafkaInTests();

relayScenarios('in-process', async () => new InProcessBus({ logger: silentLogger }));
relayScenarios(
  'kafka',
  async () => {
    if (!kafka.available) throw new Error(kafka.reason);
    return new KafkaBus({
      brokers: kafka.endpoint.brokers,
      logger: silentLogger,
      sessionTimeoutMs: 3000,
      maxWaitTimeInMs: 100,
    });
  },
  kafka.available ? undefined : kafka.reason,
);

describe('trace context through the relay', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  trace.setGlobalTracerProvider(provider);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  afterAll(async () => {
    trace.disable();
    propagation.disable();
    await provider.shutdown();
  });

  it("puts the relay's publish span in each message's traceparent, and the consumer's span under it", async () => {
    const store = await openMemoryStore();
    const bus = new InProcessBus({ logger: silentLogger });
    const topic = testEventsTopic(2);
    await appendTickets(store, 2, 2);
    const received: IncomingMessage<unknown>[] = [];
    await bus.consume({ group: `g-${randomUUID()}`, topic, handler: (message) => void received.push(message) });
    const relay = new EventRelay({ store, bus, checkpoints: new SoleRelay(), topic, logger: silentLogger }).start();
    await eventually(() => expect(received).toHaveLength(4));
    await relay.stop();
    await bus.close();
    await store.close();
    const spans = exporter.getFinishedSpans();
    // Batches are one span each: every message names the span of the batch it was published in.
    const publishes = new Map(
      spans.filter((span) => span.name === `${topic.name} publish`).map((span) => [span.spanContext().spanId, span]),
    );
    expect(publishes.size).toBeGreaterThan(0);
    for (const message of received) {
      const [, traceId, spanId] = (message.headers.traceparent ?? '').split('-');
      expect(publishes.get(spanId!)?.spanContext().traceId).toBe(traceId);
      expect(trace.getSpanContext(message.traceContext)?.spanId).toBe(spanId);
    }
    const processing = spans.filter((span) => span.name === `${topic.name} process`);
    expect(processing).toHaveLength(4);
    for (const span of processing) expect(publishes.has(span.parentSpanContext?.spanId ?? '')).toBe(true);
  });
});
