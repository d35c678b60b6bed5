import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isListening } from '../net/ports.ts';
import { onPath } from '../net/processes.ts';
import { localRedisUnavailable, startLocalRedis } from './local-redis.ts';

const unavailable = localRedisUnavailable() ?? (onPath('redis-cli') === undefined ? 'no redis-cli on PATH' : undefined);

function cli(url: string, ...command: string[]): string {
  return execFileSync('redis-cli', ['-u', url, ...command], { encoding: 'utf8' }).trim();
}

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

    it('keeps nothing across a restart unless persistent', async () => {
      const throwaway = await startLocalRedis();
      const persistent = await startLocalRedis({ persistent: true });
      try {
        for (const { url } of [throwaway, persistent]) cli(url, 'SET', 'checkpoint', '42');
        const port = Number(new URL(persistent.url).port);
        await Promise.all([throwaway.restart(), persistent.restart(200)]);
        expect(await isListening('127.0.0.1', port)).toBe(true);
        expect(cli(throwaway.url, 'GET', 'checkpoint')).toBe('');
        expect(cli(persistent.url, 'GET', 'checkpoint')).toBe('42');
      } finally {
        await Promise.all([throwaway.stop(), persistent.stop()]);
      }
    });
  },
);
