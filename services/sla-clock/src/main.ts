import { runProcess } from '@hotline/platform';
import { env, loadConfigOrExit } from '@hotline/runtime';
import { z } from 'zod';
import { createSlaClockService } from './sla-clock-service.ts';
import { RedisTimerStore } from './timers/redis-timer-store.ts';

// The SLA clock alone, in distributed mode: store, bus and port come from the environment, and the
// timers from the Redis of REDIS_URL, which any number of replicas share. Without REDIS_URL the
// timers stay in this process: then run one replica only, or each fires every timer.
const config = loadConfigOrExit(
  z.object({
    REDIS_URL: env
      .url({ protocols: ['redis', 'rediss'] })
      .optional()
      .describe('Redis holding the timers the replicas share'),
    SLA_TIMERS_PREFIX: env.string().default('sla-clock').describe('Prefix (hash tag) of the timer keys in Redis'),
    SLA_TIMER_LEASE: env
      .durationMs()
      .default(30_000)
      .describe('How long a claimed timer is hidden from the other replicas'),
  }),
);

await runProcess({
  name: 'sla-clock',
  description: 'Deadlines per ticket: durable timers, warnings and breaches, tickets at risk and breached.',
  services: (context) => [
    createSlaClockService(context, {
      leaseMs: config.SLA_TIMER_LEASE,
      ...(config.REDIS_URL === undefined
        ? {}
        : { timers: RedisTimerStore.connect(config.REDIS_URL, config.SLA_TIMERS_PREFIX) }),
    }),
  ],
});
