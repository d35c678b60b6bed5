import { afterAll, describe, expect, it } from 'vitest';
import { checkpointedStateContract } from '../../test/checkpointed-state-contract.ts';
import { closeRedisClients, keyPrefix, noRedis, redisClient } from '../../test/support/redis.ts';
import { applyOnce, RedisCheckpointedState } from './redis-checkpointed-state.ts';

afterAll(closeRedisClients);

checkpointedStateContract(
  'redis',
  async () => new RedisCheckpointedState<string[]>({ redis: redisClient(), prefix: keyPrefix() }),
  noRedis,
);

describe.skipIf(noRedis !== undefined)('applyOnce (redis)', () => {
  it("runs a consumer's commands once, together with its checkpoint", async () => {
    const connection = redisClient();
    const prefix = keyPrefix();
    const increment = (transaction: { incr(key: string): unknown }) => {
      transaction.incr(`${prefix}:count`);
    };
    expect(await applyOnce(connection, `${prefix}:checkpoint`, 1n, increment)).toBe('applied');
    expect(await applyOnce(connection, `${prefix}:checkpoint`, 1n, increment)).toBe('duplicate');
    expect(await applyOnce(connection, `${prefix}:checkpoint`, 2n, increment)).toBe('applied');
    expect(await connection.get(`${prefix}:count`)).toBe('2');
    expect(await connection.get(`${prefix}:checkpoint`)).toBe('2');
  });

  it('applies once when two connections race for the same position', async () => {
    const prefix = keyPrefix();
    const outcomes = await Promise.all(
      [redisClient(), redisClient(), redisClient()].map((connection) =>
        applyOnce(connection, `${prefix}:checkpoint`, 7n, (transaction) => {
          transaction.incr(`${prefix}:count`);
        }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome === 'applied')).toHaveLength(1);
    expect(await redisClient().get(`${prefix}:count`)).toBe('1');
  });
});
