import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ComposeLauncher } from '@hotline/deploy-checks/src/distributed/compose-launcher.ts';
import { type EventStore, openSqliteStore } from '@hotline/eventstore';
import { KafkaBus, RedisRelayCoordination, supportTopics } from '@hotline/messaging';
import { domainUpcaster } from '@hotline/platform';
import {
  destroyLocalKafka,
  type LocalKafka,
  type LocalRedis,
  localKafkaUnavailable,
  localRedisUnavailable,
  requiredInCi,
  startLocalKafka,
  startLocalRedis,
  stopLocalKafka,
} from '@hotline/testkit';
import { Redis } from 'ioredis';
import type { Admin } from 'kafkajs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../../services/standalone/bench/http-client.ts';
import { seedHotline, ticketSubmissions } from '../../../services/standalone/bench/ticket-workload.ts';
import { AlertLog, alertsDelivery, checkAlerts } from './checks/alert-check.ts';
import { traceInbound } from './checks/inbound-trace.ts';
import { checkProjections } from './checks/projection-check.ts';
import { consumerLags, untilQuiet } from './checks/quiet.ts';
import { checkTickets } from './checks/ticket-check.ts';
import { lockSqliteFile } from './faults/sqlite-lock.ts';
import { type LoadFigures, SteadyLoad } from './load/steady-load.ts';

const missing = localKafkaUnavailable() ?? localRedisUnavailable();
if (missing !== undefined && requiredInCi())
  throw new Error(`the fault-injection suite needs, where CI is set: ${missing}`);

const ALERTS_GROUP = 'fault-injection-alerts';
const DASHBOARD_GROUPS = 'dashboard-*';
// Tickets per second through each door: FAULT_LOAD_PER_SECOND raises it on a machine with cores to spare.
const perDoor = Number(process.env.FAULT_LOAD_PER_SECOND ?? 10);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(missing !== undefined)(
  `faults injected into docker-compose.yml's processes under a steady load, real Kafka, Redis and SQLite${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    const directory = mkdtempSync(join(tmpdir(), 'hotline-faults-'));
    const sqliteFile = join(directory, 'hotline.sqlite');
    let kafka: LocalKafka;
    let redis: LocalRedis;
    let launcher: ComposeLauncher;
    let store: EventStore;
    let bus: KafkaBus;
    let admin: Admin;
    let redisClient: Redis;
    let relayCheckpoints: RedisRelayCoordination;
    let load: SteadyLoad;
    const alerts = new AlertLog();
    let checksRun = 0;
    let failed = false;

    beforeAll(async () => {
      [kafka, redis] = await Promise.all([startLocalKafka(), startLocalRedis({ persistent: true })]);
      // Not a literal: the stand-ins deploy-checks asks for may grow (an API keys file), which AUTH=off leaves unread.
      const servers = { kafkaBrokers: kafka.brokers, redisUrl: redis.url, sqliteFile, apiKeysFile: '' };
      launcher = await ComposeLauncher.launch({
        servers,
        // Access control is not what these faults test: the load's clients call as the load bench's do.
        overrides: () => ({ AUTH: 'off' }),
        logDir: directory,
      });
      store = await openSqliteStore({ file: sqliteFile, upcast: domainUpcaster });
      bus = new KafkaBus({ brokers: kafka.brokers, clientId: 'fault-injection' });
      await bus.ensureTopics(supportTopics);
      admin = bus.client.admin();
      await admin.connect();
      redisClient = new Redis(redis.url, { maxRetriesPerRequest: null });
      // Read only: this coordination never takes the lease nor saves a checkpoint.
      const [relay] = launcher.replicasOf('relay');
      relayCheckpoints = new RedisRelayCoordination({ redis: redisClient, prefix: relay!.env.RELAY_REDIS_PREFIX! });
      await alerts.start(bus, ALERTS_GROUP);
      const intake = new HttpClient(launcher.url('intake'), 4);
      const triage = new HttpClient(launcher.url('triage'), 4);
      await seedHotline(intake, triage);
      intake.close();
      triage.close();
      load = new SteadyLoad({
        intake: () => launcher.url('intake'),
        bus,
        next: ticketSubmissions(),
        perSecond: { http: perDoor, topic: perDoor },
        lateEvery: 10,
      });
    });

    afterAll(async () => {
      await load?.cancel();
      await alerts.stop().catch(() => {});
      await admin?.disconnect().catch(() => {});
      await bus?.close().catch(() => {});
      redisClient?.disconnect();
      await store?.close();
      await launcher?.stop();
      await redis?.stop();
      if (kafka !== undefined) await destroyLocalKafka(kafka.dir);
      // The processes' logs stay for a failure's diagnosis.
      if (failed) console.info(`[faults] the processes' logs are in ${directory}`);
      else rmSync(directory, { recursive: true, force: true });
    }, 120_000);

    afterEach(({ task }) => {
      if (task.result?.state === 'fail') failed = true;
    });

    /**
     * The fault in the middle of a steady load (2 s before, 2 s after), then, once the hotline is
     * quiet, the three promises checked on everything the suite has put through it so far.
     */
    async function underLoad(name: string, fault: () => Promise<string>): Promise<void> {
      const begun = Date.now();
      const step = (what: string) => console.info(`[faults] ${name} +${Date.now() - begun} ms: ${what}`);
      load.start();
      await sleep(2_000);
      const injected = await fault();
      step(injected);
      await sleep(2_000);
      const figures = await load.stop();
      step(`load stopped: ${summary(figures)}`);
      const quiet = await untilQuiet({ store, admin, relayCheckpoints, ownGroups: [ALERTS_GROUP, DASHBOARD_GROUPS] });
      step(`quiet at position ${quiet.head}`);
      checksRun += 1;
      const tickets = await checkTickets(store, load.accepted, (externalId) => externalId.startsWith('bench-'));
      // A ticket published and acknowledged but not stored: where the message went (the broker, intake, its dead letters).
      const lostOnTopic = tickets.lost.filter((ticket) => ticket.door === 'topic').map((ticket) => ticket.externalId);
      const traced =
        lostOnTopic.length === 0
          ? []
          : await traceInbound(bus.client, admin, lostOnTopic).catch((error: unknown) => [
              `inbound messages not traced: ${(error as Error).message}`,
            ]);
      const projections = await checkProjections(redisClient, redis.url, sqliteFile, `{rebuilt-${checksRun}}`);
      step('tickets and projections checked');
      const raised = await alertsSettled();
      console.info(
        `[faults] ${name}: ${injected}; ${summary(figures)}; quiet after ${quiet.waitedMs} ms at position ${quiet.head}; ${tickets.stored} tickets stored of ${tickets.accepted} accepted, ${projections.records} records (rebuilt ${projections.rebuilt}), ${raised.facts} SLA facts (${raised.owed} owed), ${raised.alerted} alerted, ${raised.repeated} repeated deliveries`,
      );
      expect(figures.failures, 'submissions the hotline refused for good').toEqual([]);
      expect(figures.abandoned, 'submissions still refused when the client gave up').toEqual([]);
      expect([...tickets.problems, ...traced], 'accepted tickets in the store exactly once').toEqual([]);
      expect(projections.problems, "reporting's projection against a fresh rebuild").toEqual([]);
      expect(raised.problems, 'SLA facts once per crossing, none owed missing, each alerted under its id').toEqual([]);
      expect(raised.facts, 'SLA facts raised by the late tickets').toBeGreaterThan(0);
      expect(raised.owed, 'crossings the late tickets owe').toBeGreaterThan(0);
      // The dashboard's live feed: a group of its own per process, from the latest offset (events missed
      // while it was away are not replayed), but a running dashboard must keep up.
      const dashboardLags = async () =>
        (await consumerLags(admin, [])).filter((lag) => lag.startsWith(DASHBOARD_GROUPS.slice(0, -1)));
      await expect
        .poll(dashboardLags, {
          timeout: 10_000,
          interval: 500,
          message: "the dashboard's live feed at the end of support.events.v1",
        })
        .toEqual([]);
    }

    /**
     * Alerts trail their facts by the outbox's dispatch (and a lease's lapse after a kill): waits for
     * them. Missing ones at the end come with which side stalled, the publisher or the suite's consumer.
     */
    async function alertsSettled() {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const check = await checkAlerts(store, alerts);
        if (check.problems.length === 0) return check;
        if (Date.now() > deadline) {
          if (!check.problems.some((problem) => problem.startsWith('not alerted'))) return check;
          const delivery = await alertsDelivery(admin, ALERTS_GROUP, alerts).catch(
            (error: unknown) => `alerts' delivery not measured: ${(error as Error).message}`,
          );
          return { ...check, problems: [delivery, ...check.problems] };
        }
        await sleep(500);
      }
    }

    async function killAndRestart(service: string, replica: number): Promise<string> {
      await launcher.kill(service, replica);
      await sleep(1_000);
      const begun = Date.now();
      await launcher.restart(service, replica);
      return `${service}#${replica} killed (SIGKILL), restarted after 1 s, ready in ${Date.now() - begun} ms`;
    }

    /** The relay replica that publishes: its /readyz says "held". */
    async function relayHoldingTheLease(): Promise<number> {
      for (const relay of launcher.replicasOf('relay')) {
        const answer = await fetch(`${relay.url}/readyz`);
        const body = (await answer.json()) as { checks: Record<string, { lease?: string }> };
        if (body.checks['relay lease']?.lease === 'held') return relay.replica;
      }
      throw new Error('no relay holds the lease');
    }

    function summary(figures: LoadFigures): string {
      const refusals = Object.entries(figures.refusals)
        .map(([reason, count]) => `${count} × ${reason}`)
        .join(', ');
      return `${figures.offered} offered, ${figures.held} held back, ${figures.retried} accepted after a retry (${refusals || 'no refusal'})`;
    }

    it('kill -9 of intake under load: restarted, no ticket lost or doubled', async () => {
      await underLoad('intake', () => killAndRestart('intake', 0));
    });

    it.each([
      ['triage', 0],
      ['resolution', 0],
      ['sla-clock', 0],
      ['reporting', 0],
    ] as const)(
      'kill -9 of %s (replica %i) under load: restarted, its work neither lost nor done twice',
      async (service, replica) => {
        await underLoad(`${service}#${replica}`, () => killAndRestart(service, replica));
      },
    );

    it('kill -9 of the relay holding the lease under load: the standby takes over, no event skipped', async () => {
      await underLoad('relay', async () => {
        const holder = await relayHoldingTheLease();
        return killAndRestart('relay', holder);
      });
    });

    it('Kafka broker stopped and restarted under load (same data): producers and consumers resume', async () => {
      await underLoad('kafka', async () => {
        await stopLocalKafka(kafka.dir);
        await sleep(3_000);
        kafka = await startLocalKafka({ dir: kafka.dir });
        return `broker stopped (SIGTERM), started again on its data after 3 s (start ${kafka.startMs} ms)`;
      });
    });

    it('Redis stopped and restarted under load (append-only file): leases, timers and records come back', async () => {
      await underLoad('redis', async () => {
        await redis.restart(3_000);
        return 'redis-server stopped (SIGTERM), started again on its append-only file after 3 s';
      });
    });

    it('SQLite file locked by another process (BEGIN EXCLUSIVE) under load: writes wait or are refused, then resume', async () => {
      await underLoad('sqlite', async () => {
        const lock = await lockSqliteFile(sqliteFile, 6_000);
        await lock.released;
        return 'write lock held by another process for 6 s';
      });
    });
  },
);
