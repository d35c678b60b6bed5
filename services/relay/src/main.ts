import { EventRelay, RedisRelayCoordination } from '@hotline/messaging';
import { openInfrastructure, processConfigSchema } from '@hotline/platform';
import { createLogger, env, gracefulShutdown, loadConfigOrExit } from '@hotline/runtime';
import { Redis } from 'ioredis';
import { z } from 'zod';

// The store → Kafka relay of the distributed mode. Any number may run: the Redis lease makes one
// active at a time, the others stand by and take over when its lease lapses (packages/messaging/README.md).
const config = loadConfigOrExit(
  z.object({
    ...processConfigSchema.shape,
    REDIS_URL: env.url({ protocols: ['redis', 'rediss'] }).describe('Redis holding the relay lease and checkpoint'),
    RELAY_LEASE_TTL: env.durationMs().default(10_000).describe('How long a silent relay keeps the lease'),
    RELAY_REDIS_PREFIX: env
      .string()
      .default('hotline:relay')
      .describe('Prefix of the lease, fence and checkpoint keys'),
  }),
);
const logger = createLogger({ service: 'relay', level: config.LOG_LEVEL });
const infrastructure = await openInfrastructure(config, logger, 'relay');
const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
const coordination = new RedisRelayCoordination({
  redis,
  leaseTtlMs: config.RELAY_LEASE_TTL,
  prefix: config.RELAY_REDIS_PREFIX,
});
const relay = new EventRelay({
  store: infrastructure.store,
  bus: infrastructure.bus,
  checkpoints: coordination,
  leadership: coordination,
  logger,
}).start();
gracefulShutdown({
  logger,
  timeoutMs: config.SHUTDOWN_TIMEOUT,
  steps: [
    { name: 'relay', stop: () => relay.stop() },
    { name: 'infrastructure', stop: () => infrastructure.close() },
    { name: 'redis', stop: async () => void (await redis.quit()) },
  ],
});
logger.info({ bus: config.BUS, store: config.EVENT_STORE }, 'relay started');
