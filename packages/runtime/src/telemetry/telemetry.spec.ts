import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { withSpan } from './spans.ts';
import { startTelemetry } from './telemetry.ts';
import { extractTraceContext, injectTraceHeaders } from './trace-headers.ts';

it('exports spans over OTLP/HTTP to the collector endpoint, flushing on shutdown', async () => {
  const received: { url?: string; contentType?: string; bytes: number }[] = [];
  const collector = createServer((request: IncomingMessage, response) => {
    let bytes = 0;
    request.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    request.on('end', () => {
      received.push({ url: request.url, contentType: request.headers['content-type'], bytes });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  const { port } = collector.address() as AddressInfo;

  const telemetry = startTelemetry({ service: 'sla-clock', exporter: 'otlp', endpoint: `http://127.0.0.1:${port}/` });
  await withSpan('timer fire', async () => {});
  await telemetry.shutdown();
  await new Promise((resolve) => collector.close(resolve));

  expect(received).toHaveLength(1);
  expect(received[0]).toMatchObject({ url: '/v1/traces' });
  expect(received[0]?.bytes).toBeGreaterThan(0);
});

it('records nothing when spans go nowhere, and still makes and propagates trace ids', async () => {
  const telemetry = startTelemetry({ service: 'intake', exporter: 'none' });
  // A caller that samples its trace: there is still nothing to record it for.
  const caller = { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' };
  const seen = await withSpan(
    'support.inbound.v1 process',
    async (outer) => {
      const headers = injectTraceHeaders<Record<string, string>>({});
      const inner = await withSpan('ticket.submitted take in', async (span) => span.spanContext());
      return { recording: outer.isRecording(), context: outer.spanContext(), headers, inner };
    },
    { parent: extractTraceContext(caller) },
  );
  const fresh = await withSpan('timer fire', async (span) => ({
    ...span.spanContext(),
    recording: span.isRecording(),
  }));
  await telemetry.shutdown();

  expect(seen.recording).toBe(false);
  expect(seen.context.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
  expect(seen.context.spanId).toMatch(/^[0-9a-f]{16}$/);
  expect(seen.context.spanId).not.toBe('00f067aa0ba902b7');
  // What is sent on continues the caller's trace, from this span, unsampled.
  expect(seen.headers.traceparent).toBe(`00-4bf92f3577b34da6a3ce929d0e0e4736-${seen.context.spanId}-00`);
  expect(seen.inner.traceId).toBe(seen.context.traceId);
  // Without a caller, a trace of its own.
  expect(fresh.traceId).toMatch(/^[0-9a-f]{32}$/);
  expect(fresh.traceId).not.toBe('4bf92f3577b34da6a3ce929d0e0e4736');
  expect(fresh.recording).toBe(false);
});
