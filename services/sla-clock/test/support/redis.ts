import { randomUUID } from 'node:crypto';
import { redisInTests } from '@hotline/testkit';
import { Redis } from 'ioredis';

export const redis = redisInTests();
export const noRedis = redis.available ? undefined : redis.reason;

const clients: Redis[] = [];

/** A connection of its own to the test run's Redis; `closeRedisClients` in afterAll. */
export function redisClient(): Redis {
  if (!redis.available) throw new Error(redis.reason);
  const client = new Redis(redis.endpoint.url, { maxRetriesPerRequest: 2 });
  clients.push(client);
  return client;
}

export async function closeRedisClients(): Promise<void> {
  await Promise.all(clients.splice(0).map((client) => client.quit().catch(() => {})));
}

/** Tests share one server: each keeps to keys under a prefix of its own. */
export function keyPrefix(): string {
  return `test:sla-clock:${randomUUID()}`;
}
