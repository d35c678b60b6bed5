import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningProcess, runProcess } from '@hotline/platform';
import { writeNewApiKeys } from '@hotline/runtime';
import { kafkaInTests, redisInTests, titled } from '@hotline/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRelayService } from './relay-service.ts';

const kafka = kafkaInTests();
const redis = redisInTests();

async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('not within the time allowed');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function get(running: RunningProcess, path: string) {
  const response = await fetch(`${running.url}${path}`);
  return { status: response.status, text: await response.text() };
}

function metric(text: string, name: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name}{`));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe.skipIf(!kafka.available || !redis.available)(
  titled(titled('two relay processes on one store, Kafka and Redis', kafka), redis),
  () => {
    const directory = mkdtempSync(join(tmpdir(), 'hotline-relay-'));
    const relays: RunningProcess[] = [];

    beforeAll(async () => {
      if (!kafka.available || !redis.available) return;
      // Access control as by default: the relay's routes are all public, but a process needs its keys.
      const keysFile = join(directory, 'api-keys.json');
      writeNewApiKeys(keysFile, { manager: { role: 'manager' } }, new Date());
      const env = {
        AUTH: 'on',
        API_KEYS_FILE: keysFile,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        BUS: 'kafka',
        KAFKA_BROKERS: kafka.endpoint.brokers.join(','),
        REDIS_URL: redis.endpoint.url,
        SQLITE_FILE: join(directory, 'hotline.sqlite'),
      };
      const prefix = `relay-test:${process.pid}:${Date.now()}`;
      for (let replica = 0; replica < 2; replica++) {
        relays.push(
          await runProcess({
            name: 'relay',
            description: 'relay under test',
            inProcessRelay: false,
            env,
            services: (context) => [createRelayService(context, { leaseTtlMs: 2_000, prefix, lagIntervalMs: 100 })],
          }),
        );
      }
    });

    afterAll(async () => {
      for (const relay of relays) await relay.stop();
      rmSync(directory, { recursive: true, force: true });
    });

    it('answers /readyz 200 on both, one holding the lease, the other waiting for it', async () => {
      const leases = await eventually(async () => {
        const answers = await Promise.all(relays.map((relay) => get(relay, '/readyz')));
        if (answers.some(({ status }) => status !== 200)) return undefined;
        const states = answers.map(({ text }) => JSON.parse(text).checks['relay lease'].lease as string);
        return states.includes('held') ? states.sort() : undefined;
      });
      expect(leases).toEqual(['held', 'waiting']);
      const body = JSON.parse((await get(relays[0]!, '/readyz')).text);
      expect(Object.keys(body.checks).sort()).toEqual(['bus', 'event store', 'read models', 'relay lease']);
      expect((await get(relays[0]!, '/healthz')).status).toBe(200);
    });

    it('counts what the active relay published, and shows no lag once it caught up', async () => {
      const store = relays[0]!.context.store;
      for (let index = 0; index < 5; index++) {
        await store.append(`ticket-relay-${index}`, [{ type: 'TicketNoted', data: { index }, actor: 'test' }], {
          expectedRevision: 'any',
        });
      }
      const head = await store.headPosition();
      const published = await eventually(async () => {
        const texts = await Promise.all(relays.map(async (relay) => (await get(relay, '/metrics')).text));
        const total = texts.reduce((sum, text) => sum + (metric(text, 'hotline_relay_published_events_total') ?? 0), 0);
        const lags = texts.map((text) => metric(text, 'hotline_relay_lag_events'));
        return total >= Number(head) && lags.every((lag) => lag === 0) ? total : undefined;
      });
      expect(published).toBeGreaterThanOrEqual(5);
      expect(metric((await get(relays[1]!, '/metrics')).text, 'hotline_relay_lag_seconds')).toBe(0);
    });
  },
);
