import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '@hotline/eventstore';
import { domainUpcaster, streams } from '@hotline/platform';
import {
  destroyLocalKafka,
  freePort,
  kafkaInTests,
  type LocalKafka,
  localKafkaUnavailable,
  redisInTests,
  startLocalKafka,
  titled,
} from '@hotline/testkit';
import { Redis } from 'ioredis';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The whole-product scenario of the standalone service's tests, reused as it is: here it runs against
// the processes docker-compose.yml describes rather than a list of its own.
import {
  accessWithKeys,
  call,
  eventually,
  LIFECYCLE_KEYS,
  lifecycleEvents,
  ticketLifecycle,
} from '../../../../services/standalone/test/hotline-api.ts';
import { type HotlineProcess, hotlineProcesses, readCompose } from '../compose/compose-file.ts';
import { serviceEntries, workspaceRoot } from '../settings/service-settings.ts';
import { localEnvironment } from './local-environment.ts';

const kafka = kafkaInTests();
const redis = redisInTests();
const compose = readCompose();
const processes = hotlineProcesses(compose);
const directory = mkdtempSync(join(tmpdir(), 'hotline-compose-'));
const sqliteFile = join(directory, 'hotline.sqlite');
// The keys every process reads, as the compose file's `api-keys` secret would hold them.
const access = accessWithKeys(directory, LIFECYCLE_KEYS);
// A Redis database of its own, emptied first: reporting's records and the timers keep fixed key
// prefixes, which other tests and earlier runs share on database 0.
const REDIS_DATABASE = 11;

interface Running {
  readonly process: HotlineProcess;
  readonly replica: number;
  readonly child: ChildProcess;
  readonly url: string;
}
const running: Running[] = [];
let dedicatedKafka: LocalKafka | undefined;
let brokers: string[] = [];

function urlOf(name: string): string {
  const found = running.find(({ process }) => process.service.name === name);
  if (found === undefined) throw new Error(`${name} is not running`);
  return found.url;
}

async function ready(url: string): Promise<true | undefined> {
  const answer = await call(url, 'GET', '/readyz').catch(() => undefined);
  return answer?.status === 200 ? true : undefined;
}

/** Starts every replica of a compose service as a process of this machine, with its compose environment. */
async function start(process: HotlineProcess, redisUrl: string) {
  const urls = new Map(running.map(({ process: { service }, url }) => [service.name, url]));
  for (let replica = 0; replica < process.service.replicas; replica++) {
    const port = await freePort();
    const env = localEnvironment(
      process,
      { kafkaBrokers: brokers, redisUrl, sqliteFile, apiKeysFile: access.env.API_KEYS_FILE },
      port,
      urls,
      compose.services,
    );
    const child = spawn(globalThis.process.execPath, [...process.nodeFlags, join(workspaceRoot, process.entry)], {
      cwd: workspaceRoot,
      env: { PATH: globalThis.process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    running.push({ process, replica, child, url: `http://127.0.0.1:${port}` });
  }
}

/** In the compose file's start order: a process once the processes it depends on answer /readyz. */
async function startInOrder(redisUrl: string) {
  const names = new Set(processes.map(({ service }) => service.name));
  const started = new Set<string>();
  while (started.size < processes.length) {
    const wave = processes.filter(
      ({ service }) =>
        !started.has(service.name) &&
        Object.keys(service.dependsOn).every((dependency) => !names.has(dependency) || started.has(dependency)),
    );
    if (wave.length === 0) throw new Error('docker-compose.yml: a cycle in depends_on');
    for (const process of wave) await start(process, redisUrl);
    for (const { process, url } of running.filter(({ process }) => wave.includes(process))) {
      if (!process.service.healthcheck?.disable) await eventually(() => ready(url), 90_000);
    }
    for (const { service } of wave) started.add(service.name);
  }
}

describe.skipIf(!kafka.available || !redis.available)(
  titled(titled("docker-compose.yml's processes on this machine, over Kafka, Redis and one SQLite file", kafka), redis),
  () => {
    let redisUrl = '';

    beforeAll(async () => {
      if (!kafka.available || !redis.available) return;
      // A broker of its own where one can be started: the consumer groups and topics have fixed names,
      // and another test's processes on the shared broker would join the same groups.
      if (localKafkaUnavailable() === undefined) dedicatedKafka = await startLocalKafka();
      brokers = dedicatedKafka?.brokers ?? kafka.endpoint.brokers;
      redisUrl = `${redis.endpoint.url.replace(/\/\d*$/, '')}/${REDIS_DATABASE}`;
      const connection = new Redis(redisUrl);
      await connection.flushdb();
      connection.disconnect();
      await startInOrder(redisUrl);
    });

    afterAll(async () => {
      await Promise.all(
        running.map(
          ({ child }) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null || child.signalCode !== null) return resolve();
              child.once('exit', () => resolve());
              child.kill('SIGTERM');
            }),
        ),
      );
      if (dedicatedKafka !== undefined) await destroyLocalKafka(dedicatedKafka.dir);
      rmSync(directory, { recursive: true, force: true });
    });

    it('runs every replica the file asks for, each ready', async () => {
      const replicas = Object.fromEntries(processes.map(({ service }) => [service.name, service.replicas]));
      const expected = serviceEntries()
        .map(({ service }) => service)
        .filter((service) => service !== 'standalone');
      expect(Object.keys(replicas).sort()).toEqual(expected);
      expect(running.length).toBe(Object.values(replicas).reduce((sum, count) => sum + count, 0));
      for (const { process, url, child } of running) {
        expect(child.exitCode, process.service.name).toBeNull();
        if (!process.service.healthcheck?.disable) expect(await ready(url), process.service.name).toBe(true);
      }
    });

    it('carries a ticket through its whole life across the processes, the dashboard reading through them', async () => {
      const { ticketId, assignee } = await ticketLifecycle({
        intake: urlOf('intake'),
        triage: urlOf('triage'),
        resolution: urlOf('resolution'),
        slaClock: urlOf('sla-clock'),
        keys: access.keys,
      });
      // The dashboard relays the page's reads to the SLA clock and reporting at the addresses compose gave it.
      const sla = await call(urlOf('dashboard'), 'GET', `/tickets/${ticketId}/sla`, undefined, access.keys.manager);
      expect(sla).toMatchObject({ status: 200, body: { withinDeadlines: true } });
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

    it('shares the work: both triage replicas in one consumer group, one relay holding the lease', async () => {
      const admin = new Kafka({ clientId: 'compose-check', brokers, logLevel: logLevel.NOTHING }).admin();
      await admin.connect();
      try {
        const members = await eventually(async () => {
          const { groups } = await admin.describeGroups(['triage']);
          const count = groups[0]?.members.length ?? 0;
          return count === compose.services.get('triage')?.replicas ? count : undefined;
        }, 60_000);
        expect(members).toBe(2);
      } finally {
        await admin.disconnect();
      }
      const relay = compose.services.get('relay');
      const connection = new Redis(redisUrl);
      try {
        expect(await connection.get(`${relay?.environment.RELAY_REDIS_PREFIX}:lease`)).toEqual(expect.any(String));
      } finally {
        connection.disconnect();
      }
      // Each relay says on /readyz whether it holds the lease or waits for it; both are ready.
      const relays = running.filter(({ process }) => process.service.name === 'relay');
      const leases = await Promise.all(
        relays.map(async ({ url }) => {
          const answer = await call(url, 'GET', '/readyz');
          expect(answer.status).toBe(200);
          return (answer.body as { checks: Record<string, { lease?: string }> }).checks['relay lease']?.lease;
        }),
      );
      expect(leases.sort()).toEqual(['held', ...Array.from({ length: relays.length - 1 }, () => 'waiting')]);
    });

    it('exports the relay lag and the consumer lag on /metrics, at 0 once every event went through', async () => {
      const metric = (text: string, pattern: RegExp) =>
        text
          .split('\n')
          .filter((line) => pattern.test(line))
          .map((line) => Number(line.slice(line.lastIndexOf(' ') + 1)));
      const scrape = async (url: string) => (await fetch(`${url}/metrics`)).text();
      for (const { url } of running.filter(({ process }) => process.service.name === 'relay')) {
        // Measured every 5 s: the ticket's last events reach the gauge within one interval.
        await eventually(async () => {
          const values = metric(await scrape(url), /^hotline_relay_lag_events\{/);
          return values.length === 1 && values[0] === 0 ? true : undefined;
        }, 30_000);
      }
      const triage = running.filter(({ process }) => process.service.name === 'triage');
      await eventually(async () => {
        const texts = await Promise.all(triage.map(({ url }) => scrape(url)));
        const lags = texts.flatMap((text) =>
          metric(text, /^hotline_consumer_lag_messages\{topic="support\.events\.v1",.*group="triage"/),
        );
        // The two replicas together own every partition of support.events.v1, each caught up.
        return lags.length === 12 && lags.every((lag) => lag === 0) ? true : undefined;
      }, 30_000);
    });
  },
);
