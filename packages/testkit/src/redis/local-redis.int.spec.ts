import { describe, expect, it } from 'vitest';
import { isListening } from '../net/ports.ts';
import { localRedisUnavailable, startLocalRedis } from './local-redis.ts';

const unavailable = localRedisUnavailable();

describe.skipIf(unavailable !== undefined)(
  `a local redis-server${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    it('listens on a free loopback port until stopped', async () => {
      const redis = await startLocalRedis();
      const port = Number(new URL(redis.url).port);
      expect(await isListening('127.0.0.1', port)).toBe(true);
      await redis.stop();
      expect(await isListening('127.0.0.1', port)).toBe(false);
    });
  },
);
