import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { processNodeFlags } from '@hotline/platform';
import { freePort, waitUntil } from '@hotline/testkit';
import { SOURCE } from './topic-load.ts';

export type ServiceName = 'intake' | 'triage' | 'resolution' | 'slaClock' | 'reporting';

export interface DistributedProduct {
  readonly urls: Record<ServiceName, string>;
  /** The relay's own HTTP server: health and metrics. */
  readonly relay: string;
  stop(): Promise<void>;
}

const root = fileURLToPath(new URL('../../../', import.meta.url));
const entries: Record<ServiceName, string> = {
  intake: 'services/intake/src/main.ts',
  triage: 'services/triage/src/main.ts',
  resolution: 'services/resolution/src/main.ts',
  slaClock: 'services/sla-clock/src/main.ts',
  reporting: 'services/reporting/src/main.ts',
};

/**
 * The distributed mode on one machine, as test/distributed-lifecycle.e2e.spec.ts starts it (that
 * launcher lives inside the test file, so it is written again here): the relay and each service
 * in a process of its own, Kafka between them, one SQLite file shared as the event store, the
 * relay's lease in Redis under a prefix of its own.
 */
export async function launchDistributed(options: {
  readonly brokers: readonly string[];
  readonly redisUrl: string;
  readonly sqliteFile: string;
}): Promise<DistributedProduct> {
  const children: ChildProcess[] = [];
  const start = (entry: string, port: number, extraEnv: Record<string, string> = {}) => {
    const child = spawn(process.execPath, [...processNodeFlags, `${root}${entry}`], {
      env: {
        ...process.env,
        BUS: 'kafka',
        KAFKA_BROKERS: options.brokers.join(','),
        SQLITE_FILE: options.sqliteFile,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        UPSTREAM_SYSTEMS: SOURCE,
        // As in the embedded launcher: comparable with the runs before access control was on by default.
        AUTH: 'off',
        ...extraEnv,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    children.push(child);
  };
  const relayPort = await freePort();
  start('services/relay/src/main.ts', relayPort, {
    REDIS_URL: options.redisUrl,
    RELAY_REDIS_PREFIX: `bench:${process.pid}:${Date.now()}`,
  });
  const urls = {} as Record<ServiceName, string>;
  for (const name of Object.keys(entries) as ServiceName[]) {
    const port = await freePort();
    start(entries[name], port);
    urls[name] = `http://127.0.0.1:${port}`;
  }
  const stop = async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
  };
  try {
    for (const url of [...Object.values(urls), `http://127.0.0.1:${relayPort}`]) {
      await waitUntil(
        async () => (await fetch(`${url}/readyz`).catch(() => undefined))?.status === 200,
        `${url}/readyz`,
        120_000,
      );
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { urls, relay: `http://127.0.0.1:${relayPort}`, stop };
}
