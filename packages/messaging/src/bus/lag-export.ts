import { consumerLagGauge, type Metrics } from '@hotline/runtime';

/** Messages between a consumer group's committed offset and a partition's end. */
export interface LagReading {
  readonly topic: string;
  readonly partition: number;
  readonly group: string;
  readonly lag: number;
}

export interface LagExportOptions {
  /** Between two measurements (5 s). */
  intervalMs?: number;
  /** Told once per outage of the measurement. */
  onError?: (error: unknown) => void;
}

export interface LagExport {
  /** Measures at once. */
  update(): Promise<void>;
  stop(): void;
}

/**
 * Feeds `hotline_consumer_lag_messages{topic, partition, group}` every `intervalMs` with what
 * `readings` gives, whatever the adapter; a partition it no longer gives (a rebalance, a stop)
 * leaves the gauge.
 */
export function exportLag(
  metrics: Pick<Metrics, 'registry'>,
  readings: () => Promise<readonly LagReading[]>,
  { intervalMs = 5_000, onError }: LagExportOptions = {},
): LagExport {
  const gauge = consumerLagGauge(metrics.registry);
  let reported = new Map<string, { topic: string; partition: string; group: string }>();
  let running: Promise<void> | undefined;
  let failing = false;

  async function measure(): Promise<void> {
    const next = new Map<string, { topic: string; partition: string; group: string }>();
    for (const { topic, partition, group, lag } of await readings()) {
      const labels = { topic, partition: String(partition), group };
      gauge.set(labels, lag);
      next.set(JSON.stringify(labels), labels);
    }
    for (const [key, labels] of reported) if (!next.has(key)) gauge.remove(labels);
    reported = next;
  }

  // One measurement at a time: a slow broker must not pile them up. Errors are told once per outage.
  const update = () => {
    running ??= measure()
      .then(
        () => {
          failing = false;
        },
        (error: unknown) => {
          if (!failing) onError?.(error);
          failing = true;
        },
      )
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const timer = setInterval(() => void update(), intervalMs);
  timer.unref();
  return {
    update,
    stop() {
      clearInterval(timer);
      for (const labels of reported.values()) gauge.remove(labels);
      reported = new Map();
    },
  };
}
