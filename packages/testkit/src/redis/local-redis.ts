import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, isListening, waitUntil } from '../net/ports.ts';
import { onPath, terminate } from '../net/processes.ts';

export interface LocalRedis {
  url: string;
  stop(): Promise<void>;
  /**
   * Stops the server (SIGTERM: a clean shutdown) and starts it again on the same port and folder
   * after `downMs`: a Redis outage. Only a `persistent` server finds its data again.
   */
  restart(downMs?: number): Promise<void>;
}

export interface LocalRedisOptions {
  /**
   * Keeps the data in an append-only file synced at every write, as the compose file's Redis does,
   * so that the timers and checkpoints survive a restart. Off by default: nothing on disk.
   */
  persistent?: boolean;
}

export function localRedisUnavailable(): string | undefined {
  return onPath('redis-server') === undefined ? 'no redis-server on PATH (Debian package redis-server)' : undefined;
}

/** A redis-server of its own on a free loopback port: throwaway by default, persistent on demand. */
export async function startLocalRedis(options: LocalRedisOptions = {}): Promise<LocalRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'hotline-redis-'));
  const persistence = options.persistent ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'];
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...persistence, '--dir', dir];
  let server = await spawnServer(args, port);
  const stopServer = async () => {
    if (server.pid !== undefined) await terminate(server.pid, 5000);
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      await stopServer();
      rmSync(dir, { recursive: true, force: true });
    },
    restart: async (downMs = 0) => {
      await stopServer();
      if (downMs > 0) await new Promise((resolve) => setTimeout(resolve, downMs));
      server = await spawnServer(args, port);
    },
  };
}

async function spawnServer(args: string[], port: number): Promise<ChildProcess> {
  const server = spawn('redis-server', args, { stdio: 'ignore' });
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
    // A loaded machine (a JVM starting beside it) can hold a start for seconds.
    30_000,
    20,
  );
  return server;
}
