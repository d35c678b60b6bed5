import { EventRelay, exportRelayLag, RedisRelayCoordination } from '@hotline/messaging';
import type { ProcessService, ServiceContext } from '@hotline/platform';
import { type ReadinessFacts, relayPublishedCounter } from '@hotline/runtime';

export interface RelayServiceOptions {
  /** How long a silent relay keeps the lease. */
  readonly leaseTtlMs: number;
  /** Prefix of the lease, fence and checkpoint keys in Redis. */
  readonly prefix: string;
  /** How often the lag gauges are measured (5 s). */
  readonly lagIntervalMs?: number;
}

/**
 * The store → Kafka relay as a service of its process: no routes of its own, but its lease state
 * on `/readyz` and its lag and publish count on `/metrics`. Ready whether it holds the lease or
 * waits for it: a standby relay is doing its job, and an orchestrator must not restart it for that.
 */
export function createRelayService(context: ServiceContext, options: RelayServiceOptions): ProcessService {
  const { redis } = context;
  if (redis === undefined) throw new Error('Invalid configuration: REDIS_URL: required by the relay');
  const coordination = new RedisRelayCoordination({ redis, leaseTtlMs: options.leaseTtlMs, prefix: options.prefix });
  let relay: EventRelay | undefined;
  let onPublished: ((count: number) => void) | undefined;
  let lag: ReturnType<typeof exportRelayLag> | undefined;
  return {
    name: 'relay',
    readiness: {
      'relay lease': async (): Promise<ReadinessFacts> => {
        if (relay === undefined || relay.state === 'stopped') throw new Error('the relay is not running');
        return relay.state === 'active'
          ? { lease: 'held', checkpoint: relay.position.toString() }
          : { lease: 'waiting' };
      },
    },
    registerRoutes(app) {
      const published = relayPublishedCounter(app.metrics.registry);
      onPublished = (count) => published.inc(count);
      lag = exportRelayLag(app.metrics, context.store, coordination, {
        ...(options.lagIntervalMs === undefined ? {} : { intervalMs: options.lagIntervalMs }),
      });
    },
    async start() {
      relay = new EventRelay({
        store: context.store,
        bus: context.bus,
        checkpoints: coordination,
        leadership: coordination,
        logger: context.logger.child({ component: 'relay' }),
        ...(onPublished === undefined ? {} : { onPublished }),
      }).start();
      void lag?.update().catch(() => {});
      context.logger.info({ owner: coordination.owner }, 'relay started: waiting for the lease');
    },
    async stop() {
      lag?.stop();
      await relay?.stop();
    },
  };
}
