import { titled } from '@hotline/testkit';
import { afterAll, describe } from 'vitest';
import { closeRedisClients, keyPrefix, redis, redisClient } from '../../test/support/redis.ts';
import { timerStoreContract } from '../../test/timer-store-contract.ts';
import { RedisTimerStore } from './redis-timer-store.ts';

describe.skipIf(!redis.available)(titled('on the real Redis', redis), () => {
  afterAll(closeRedisClients);

  // Each replica gets a connection of its own, as separate processes would.
  timerStoreContract('redis', async () => {
    const prefix = keyPrefix();
    const store = new RedisTimerStore({ redis: redisClient(), prefix });
    return { store, replica: () => new RedisTimerStore({ redis: redisClient(), prefix }), close: async () => {} };
  });
});
