import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSqliteStore } from '@hotline/eventstore';
import { domainUpcaster, streams } from '@hotline/platform';
import { freePort, kafkaInTests, redisInTests, titled } from '@hotline/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, eventually, lifecycleEvents, ticketLifecycle } from './hotline-api.ts';

const kafka = kafkaInTests();
const redis = redisInTests();
const root = fileURLToPath(new URL('../../..', import.meta.url));
const directory = mkdtempSync(join(tmpdir(), 'hotline-distributed-'));
const sqliteFile = join(directory, 'hotline.sqlite');
const children: ChildProcess[] = [];
const urls: Record<string, string> = {};

/** Each service in its own process, as in distributed mode: Kafka between them, one SQLite file for the store. */
async function startService(name: string, entry: string, extraEnv: Record<string, string> = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, entry)], {
    env: {
      ...process.env,
      BUS: 'kafka',
      KAFKA_BROKERS: kafka.available ? kafka.endpoint.brokers.join(',') : '',
      SQLITE_FILE: sqliteFile,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...extraEnv,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.push(child);
  urls[name] = `http://127.0.0.1:${port}`;
}

describe.skipIf(!kafka.available || !redis.available)(
  titled(titled('the five services as separate processes over Kafka', kafka), redis),
  () => {
    beforeAll(async () => {
      if (!kafka.available || !redis.available) return;
      await startService('relay', 'services/relay/src/main.ts', {
        REDIS_URL: redis.endpoint.url,
        RELAY_REDIS_PREFIX: `e2e:${process.pid}:${Date.now()}`,
        PORT: '0',
      });
      for (const [name, entry] of [
        ['intake', 'services/intake/src/main.ts'],
        ['triage', 'services/triage/src/main.ts'],
        ['resolution', 'services/resolution/src/main.ts'],
        ['slaClock', 'services/sla-clock/src/main.ts'],
        ['reporting', 'services/reporting/src/main.ts'],
      ] as const) {
        await startService(name, entry);
      }
      for (const name of ['intake', 'triage', 'resolution', 'slaClock', 'reporting']) {
        await eventually(async () => {
          const ready = await call(urls[name]!, 'GET', '/readyz').catch(() => undefined);
          return ready?.status === 200 ? true : undefined;
        }, 60_000);
      }
    });

    afterAll(async () => {
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null) return resolve();
              child.once('exit', () => resolve());
              child.kill('SIGTERM');
            }),
        ),
      );
      rmSync(directory, { recursive: true, force: true });
    });

    it('carries a ticket through its whole life across the services', async () => {
      const { ticketId, assignee } = await ticketLifecycle({
        intake: urls.intake!,
        triage: urls.triage!,
        resolution: urls.resolution!,
        slaClock: urls.slaClock!,
      });
      const store = await openSqliteStore({ file: sqliteFile, upcast: domainUpcaster });
      try {
        const stream = await store.readStream(streams.ticket(ticketId));
        expect(stream.map((event) => event.type)).toEqual(lifecycleEvents);
        expect(stream[1]).toMatchObject({ actor: 'triage', data: { agentId: assignee } });
        expect(await store.verify()).toMatchObject({ ok: true });
      } finally {
        await store.close();
      }
    });
  },
);
