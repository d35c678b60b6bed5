import { SpanKind, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServer } from '../../test/support/test-server.ts';
import { withSpan } from './spans.ts';
import { startTelemetry, type Telemetry } from './telemetry.ts';
import { extractTraceContext, injectTraceHeaders } from './trace-headers.ts';

const exporter = new InMemorySpanExporter();
let telemetry: Telemetry;

beforeAll(() => {
  telemetry = startTelemetry({ service: 'intake', exporter: 'none', spanExporter: exporter });
});
afterAll(async () => {
  await telemetry.shutdown();
});

const callerTraceId = '4bf92f3577b34da6a3ce929d0e0e4736';
const callerSpanId = '00f067aa0ba902b7';
const traceparent = `00-${callerTraceId}-${callerSpanId}-01`;

describe('HTTP server spans', () => {
  it("creates one server span per request, child of the caller's traceparent, active in the handler", async () => {
    exporter.reset();
    const { app, logs } = await testServer();
    app.post('/tickets/:id/answers', async () => injectTraceHeaders({}));

    const response = await app.inject({
      method: 'POST',
      url: '/tickets/t-1/answers',
      headers: { traceparent },
      payload: { text: 'Try again' },
    });

    const [span, ...others] = exporter.getFinishedSpans();
    expect(others).toEqual([]);
    expect(span?.name).toBe('POST /tickets/:id/answers');
    expect(span?.kind).toBe(SpanKind.SERVER);
    expect(span?.spanContext().traceId).toBe(callerTraceId);
    expect(span?.parentSpanContext?.spanId).toBe(callerSpanId);
    expect(span?.attributes).toMatchObject({
      'http.request.method': 'POST',
      'http.route': '/tickets/:id/answers',
      'url.path': '/tickets/t-1/answers',
      'http.response.status_code': 200,
    });
    // What the handler sends on (a Kafka message, a call) continues the request's trace.
    expect(response.json().traceparent).toBe(`00-${callerTraceId}-${span?.spanContext().spanId}-01`);
    expect(logs.find((line) => line.msg === 'request completed')).toMatchObject({
      traceId: callerTraceId,
      spanId: span?.spanContext().spanId,
    });
    await app.close();
  });

  it('starts a new trace without traceparent and marks 5xx spans failed', async () => {
    exporter.reset();
    const { app } = await testServer();
    app.get('/boom', async () => {
      throw new Error('boom');
    });
    await app.inject({ method: 'GET', url: '/boom' });
    const [span] = exporter.getFinishedSpans();
    expect(span?.parentSpanContext).toBeUndefined();
    expect(span?.status.code).toBe(2);
    expect(span?.events.map((event) => event.name)).toContain('exception');
    await app.close();
  });
});

describe('trace headers for Kafka messages', () => {
  it('carries a trace from producer to consumer through string or Buffer headers', async () => {
    exporter.reset();
    const headers: Record<string, string | Buffer> = { 'event-type': 'TicketReceived' };
    await withSpan('support.events.v1 publish', async () => injectTraceHeaders(headers), { kind: SpanKind.PRODUCER });
    const asReceived = Object.fromEntries(Object.entries(headers).map(([key, value]) => [key, Buffer.from(value)]));

    await withSpan('support.events.v1 process', async () => {}, {
      kind: SpanKind.CONSUMER,
      parent: extractTraceContext(asReceived),
    });

    const [producer, consumer] = exporter.getFinishedSpans();
    expect(consumer?.spanContext().traceId).toBe(producer?.spanContext().traceId);
    expect(consumer?.parentSpanContext?.spanId).toBe(producer?.spanContext().spanId);
    expect(trace.getSpan(extractTraceContext({}))).toBeUndefined();
  });

  it('marks a span failed when its work throws, and rethrows', async () => {
    exporter.reset();
    await expect(withSpan('projection apply', () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(exporter.getFinishedSpans()[0]?.status).toMatchObject({ code: 2, message: 'no' });
  });
});
