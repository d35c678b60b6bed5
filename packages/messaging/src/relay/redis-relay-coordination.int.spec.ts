import { closeRedisClients, keyPrefix, noRedis, redisClient } from '../../test/support/redis.ts';
import { RedisRelayCoordination } from './redis-relay-coordination.ts';
import { relayCoordinationContract } from './relay-coordination-contract.ts';

relayCoordinationContract(
  'redis',
  async () => {
    const prefix = keyPrefix();
    return {
      holder: (owner, leaseTtlMs) => {
        const redis = redisClient();
        const holder = new RedisRelayCoordination({ redis, prefix, owner, leaseTtlMs });
        return Object.assign(holder, { kill: () => redis.disconnect() });
      },
      expireLease: async () => {
        await redisClient().del(`${prefix}:lease`);
      },
      close: closeRedisClients,
    };
  },
  noRedis,
);
