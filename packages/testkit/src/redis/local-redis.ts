import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, isListening, waitUntil } from '../net/ports.ts';
import { onPath, terminate } from '../net/processes.ts';

export interface LocalRedis {
  url: string;
  stop(): Promise<void>;
}

export function localRedisUnavailable(): string | undefined {
  return onPath('redis-server') === undefined ? 'no redis-server on PATH (Debian package redis-server)' : undefined;
}

/** A throwaway redis-server on a free loopback port that keeps nothing on disk. */
export async function startLocalRedis(): Promise<LocalRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'hotline-redis-'));
  const server = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: 'ignore' },
  );
  server.unref();
  let exited = false;
  server.once('exit', () => {
    exited = true;
  });
  await waitUntil(
    async () => {
      if (exited) throw new Error('redis-server exited during start');
      return isListening('127.0.0.1', port);
    },
    `redis-server on port ${port}`,
    10_000,
    20,
  );
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      if (server.pid !== undefined) await terminate(server.pid, 5000);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
