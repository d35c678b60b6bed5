import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { withSpan } from './spans.ts';
import { startTelemetry } from './telemetry.ts';

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
