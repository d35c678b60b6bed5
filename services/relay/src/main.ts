import { runProcess } from '@hotline/platform';
import { env, loadConfigOrExit } from '@hotline/runtime';
import { z } from 'zod';
import { createRelayService } from './relay-service.ts';

// The store → Kafka relay of the distributed mode. Any number may run: the Redis lease makes one
// active at a time, the others stand by and take over when its lease lapses (packages/messaging/README.md).
// It runs as the other processes do, for its /healthz, /readyz (the lease state) and /metrics (its lag).
const config = loadConfigOrExit(
  z.object({
    REDIS_URL: env.url({ protocols: ['redis', 'rediss'] }).describe('Redis holding the relay lease and checkpoint'),
    RELAY_LEASE_TTL: env.durationMs().default(10_000).describe('How long a silent relay keeps the lease'),
    RELAY_REDIS_PREFIX: env
      .string()
      .default('hotline:relay')
      .describe('Prefix of the lease, fence and checkpoint keys'),
  }),
);

await runProcess({
  name: 'relay',
  description: 'The store → support.events.v1 relay: one active at a time, by a Redis lease; its state on /readyz.',
  inProcessRelay: false,
  services: (context) => [
    createRelayService(context, { leaseTtlMs: config.RELAY_LEASE_TTL, prefix: config.RELAY_REDIS_PREFIX }),
  ],
});
