import { openMemoryStore } from '@hotline/eventstore';
import { createMetrics } from '@hotline/runtime';
import { expect, it } from 'vitest';
import { appendTickets } from '../../test/relay-scenarios.ts';
import { SoleRelay } from './relay-coordination.ts';
import { exportRelayLag, measureRelayLag } from './relay-lag.ts';

const RECORDED = Date.parse('2026-11-29T10:00:00Z');

async function storeOfSix() {
  const store = await openMemoryStore({ clock: () => new Date(RECORDED) });
  await appendTickets(store, 2, 3);
  return store;
}

it('counts the positions after the checkpoint and the age of the oldest unpublished event', async () => {
  const store = await storeOfSix();
  const checkpoints = new SoleRelay(2n);
  expect(await measureRelayLag(store, checkpoints, RECORDED + 90_000)).toEqual({ positions: 4n, seconds: 90 });
});

it('is 0 and 0 s once the checkpoint reached the head', async () => {
  const store = await storeOfSix();
  expect(await measureRelayLag(store, new SoleRelay(6n), RECORDED + 90_000)).toEqual({ positions: 0n, seconds: 0 });
});

it('feeds the relay lag gauges of the registry', async () => {
  const store = await storeOfSix();
  const metrics = createMetrics({ service: 'relay', defaultMetrics: false });
  const lag = exportRelayLag(metrics, store, new SoleRelay(1n), { intervalMs: 60_000, now: () => RECORDED + 30_000 });
  await lag.update();
  lag.stop();
  const text = await metrics.registry.metrics();
  expect(text).toContain('hotline_relay_lag_events{service="relay"} 5');
  expect(text).toContain('hotline_relay_lag_seconds{service="relay"} 30');
});
