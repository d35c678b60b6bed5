import { Counter, Gauge, type Registry } from 'prom-client';

/**
 * Gauges fed by the components that know the numbers; the runtime only names them, so every
 * service exports them alike and one dashboard reads them all. Each factory returns the existing
 * gauge when called twice on a registry.
 */

function gauge<L extends string>(registry: Registry, name: string, help: string, labelNames: readonly L[]): Gauge<L> {
  const existing = registry.getSingleMetric(name);
  if (existing) return existing as Gauge<L>;
  return new Gauge({ name, help, labelNames, registers: [registry] });
}

/** `hotline_consumer_lag_messages{topic, partition, group}`: messages between a consumer group's committed offset and the partition's end. */
export const consumerLagGauge = (registry: Registry) =>
  gauge(
    registry,
    'hotline_consumer_lag_messages',
    'Messages not yet consumed, per topic partition and consumer group',
    ['topic', 'partition', 'group'] as const,
  );

/**
 * `hotline_relay_lag_events`: positions between the store's head and the relay's checkpoint (one
 * per event on SQLite; EventStoreDB's log positions grow by more than one per event).
 */
export const relayLagEventsGauge = (registry: Registry) =>
  gauge(
    registry,
    'hotline_relay_lag_events',
    "Positions between the store's head and the relay's checkpoint (events on SQLite)",
    [] as const,
  );

/** `hotline_relay_lag_seconds`: age of the oldest event the relay has not published yet (0 when caught up). */
export const relayLagSecondsGauge = (registry: Registry) =>
  gauge(registry, 'hotline_relay_lag_seconds', 'Age of the oldest unpublished event, in seconds', [] as const);

/** `hotline_relay_published_events_total`: events this relay published (its rate is the publish rate). */
export function relayPublishedCounter(registry: Registry): Counter {
  const existing = registry.getSingleMetric('hotline_relay_published_events_total');
  if (existing) return existing as Counter;
  return new Counter({
    name: 'hotline_relay_published_events_total',
    help: 'Events published by this relay, duplicates after a takeover included',
    registers: [registry],
  });
}

/** `hotline_projection_lag_events{projection}`: events between the store's head and a projection's checkpoint. */
export const projectionLagGauge = (registry: Registry) =>
  gauge(registry, 'hotline_projection_lag_events', 'Events not yet applied to a read model, per projection', [
    'projection',
  ] as const);

/** `hotline_timers_pending{kind}`: SLA timers scheduled and not yet fired (warnings, breaches). */
export const timersPendingGauge = (registry: Registry) =>
  gauge(registry, 'hotline_timers_pending', 'SLA timers scheduled and not yet fired, per kind', ['kind'] as const);
