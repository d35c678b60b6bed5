import type { EventStore } from '@hotline/eventstore';
import { type Metrics, relayLagEventsGauge, relayLagSecondsGauge } from '@hotline/runtime';
import type { RelayCheckpoints } from './relay-coordination.ts';

export interface RelayLag {
  /** Positions between the store's head and the checkpoint: events on SQLite. */
  readonly positions: bigint;
  /** Age of the oldest event not yet published, 0 when caught up. */
  readonly seconds: number;
}

/**
 * How far the relays are behind the store, read from the checkpoint they share rather than from
 * one relay's memory: a standby relay then reports what the active one has left to do, and a
 * stuck active relay shows on every replica.
 */
export async function measureRelayLag(
  store: Pick<EventStore, 'headPosition' | 'readAll'>,
  checkpoints: Pick<RelayCheckpoints, 'load'>,
  now: number,
): Promise<RelayLag> {
  const [head, checkpoint] = await Promise.all([store.headPosition(), checkpoints.load()]);
  if (head <= checkpoint) return { positions: 0n, seconds: 0 };
  const [oldest] = await store.readAll({ after: checkpoint, maxCount: 1 });
  const seconds = oldest === undefined ? 0 : Math.max(0, (now - Date.parse(oldest.recordedAt)) / 1000);
  return { positions: head - checkpoint, seconds };
}

/**
 * Feeds `hotline_relay_lag_events` and `hotline_relay_lag_seconds` every `intervalMs` (5 s).
 * While the store or Redis does not answer the gauges keep their last values; `/readyz` says why.
 */
export function exportRelayLag(
  metrics: Pick<Metrics, 'registry'>,
  store: Pick<EventStore, 'headPosition' | 'readAll'>,
  checkpoints: Pick<RelayCheckpoints, 'load'>,
  { intervalMs = 5_000, now = Date.now }: { intervalMs?: number; now?: () => number } = {},
): { update(): Promise<void>; stop(): void } {
  const positions = relayLagEventsGauge(metrics.registry);
  const seconds = relayLagSecondsGauge(metrics.registry);
  const update = async () => {
    const lag = await measureRelayLag(store, checkpoints, now());
    positions.set(Number(lag.positions));
    seconds.set(lag.seconds);
  };
  const timer = setInterval(() => void update().catch(() => {}), intervalMs);
  timer.unref();
  return { update, stop: () => clearInterval(timer) };
}
