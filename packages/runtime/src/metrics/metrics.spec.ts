import { expect, it } from 'vitest';
import { testServer } from '../../test/support/test-server.ts';
import {
  consumerLagGauge,
  projectionLagGauge,
  relayLagEventsGauge,
  relayPublishedCounter,
  timersPendingGauge,
} from './lag-metrics.ts';
import { createMetrics } from './metrics.ts';

it('exposes the HTTP duration histogram by route pattern at /metrics in Prometheus text format', async () => {
  const { app } = await testServer();
  app.get('/tickets/:id', async (request) => ({ id: (request.params as { id: string }).id }));
  await app.inject({ method: 'GET', url: '/tickets/t-1' });
  await app.inject({ method: 'GET', url: '/tickets/t-2' });
  await app.inject({ method: 'GET', url: '/nowhere' });

  const response = await app.inject({ method: 'GET', url: '/metrics' });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  expect(response.body).toContain('# TYPE http_server_request_duration_seconds histogram');
  expect(response.body).toMatch(
    /http_server_request_duration_seconds_count\{service="intake",method="GET",route="\/tickets\/:id",status_code="200"\} 2/,
  );
  expect(response.body).toMatch(
    /http_server_request_duration_seconds_count\{service="intake",method="GET",route="unmatched",status_code="404"\} 1/,
  );
  expect(response.body).not.toContain('t-1');
  await app.close();
});

it('includes process metrics by default', async () => {
  const metrics = createMetrics({ service: 'reporting' });
  expect(await metrics.registry.metrics()).toContain('process_cpu_user_seconds_total');
});

it("counts the event loop's busy time, which grows by the time spent running code and never falls", async () => {
  const { registry } = createMetrics({ service: 'reporting' });
  const busy = async () => {
    const text = await registry.metrics();
    const match = /^hotline_event_loop_busy_seconds_total\{service="reporting"\} (\S+)$/m.exec(text);
    if (match === null) throw new Error(`no busy counter in:\n${text}`);
    return Number(match[1]);
  };
  const first = await busy();
  const spinUntil = performance.now() + 60;
  while (performance.now() < spinUntil) {
    // Busy on purpose: 60 ms of code without a turn of the loop.
  }
  await new Promise((resolve) => setTimeout(resolve, 5));
  const second = await busy();
  expect(second - first).toBeGreaterThanOrEqual(0.055);
  // Idle time does not count: 100 ms of waiting adds little.
  await new Promise((resolve) => setTimeout(resolve, 100));
  const third = await busy();
  expect(third - second).toBeLessThan(0.05);
  expect(third).toBeGreaterThanOrEqual(second);
});

it('names the lag gauges once per registry, for their owners to set', async () => {
  const { registry } = createMetrics({ service: 'reporting', defaultMetrics: false });
  consumerLagGauge(registry).set({ topic: 'support.events.v1', partition: '0', group: 'reporting' }, 12);
  consumerLagGauge(registry).inc({ topic: 'support.events.v1', partition: '0', group: 'reporting' });
  relayLagEventsGauge(registry).set(3);
  relayPublishedCounter(registry).inc(7);
  relayPublishedCounter(registry).inc(2);
  projectionLagGauge(registry).set({ projection: 'overruns' }, 5);
  timersPendingGauge(registry).set({ kind: 'breach' }, 40);
  const text = await registry.metrics();
  expect(text).toContain(
    'hotline_consumer_lag_messages{topic="support.events.v1",partition="0",group="reporting",service="reporting"} 13',
  );
  expect(text).toContain('hotline_relay_lag_events{service="reporting"} 3');
  expect(text).toContain('hotline_relay_published_events_total{service="reporting"} 9');
  expect(text).toContain('hotline_projection_lag_events{projection="overruns",service="reporting"} 5');
  expect(text).toContain('hotline_timers_pending{kind="breach",service="reporting"} 40');
});
