import { randomUUID } from 'node:crypto';
import { redisInTests } from '@hotline/testkit';
import { Redis } from 'ioredis';
import { afterAll } from 'vitest';
import type { StoredRecord } from '../../src/projections/record-store.ts';
import type { RedisRecordStore } from '../../src/projections/redis-record-store.ts';

/**
 * The test Redis for a file of projection tests: connections closed after the file, and key prefixes
 * of their own, since tests share the server (in braces, so that a cluster keeps one in one slot).
 */
export function redisForRecords(name: string) {
  const redis = redisInTests();
  const clients: Redis[] = [];
  afterAll(async () => {
    await Promise.all(clients.splice(0).map((connection) => connection.quit().catch(() => {})));
  });
  return {
    redis,
    client(): Redis {
      if (!redis.available) throw new Error(redis.reason);
      const connection = new Redis(redis.endpoint.url, { maxRetriesPerRequest: 2 });
      clients.push(connection);
      return connection;
    },
    prefix: () => `{test-${name}-${randomUUID()}}`,
  };
}

/** Every record of a Redis store, as a replica's view would load them. */
export async function recordsOf(store: RedisRecordStore): Promise<Map<string, StoredRecord>> {
  const records = new Map<string, StoredRecord>();
  const follower = await store.follow({
    reset: () => records.clear(),
    change: (stream, stored) => records.set(stream, stored),
  });
  follower.stop();
  return records;
}
