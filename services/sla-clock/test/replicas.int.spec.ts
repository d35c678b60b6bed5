import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acmeMaintenanceTerms, crossingNameOf, signedContract, toEpochMs } from '@hotline/domain';
import { type EventStore, openMemoryStore, openSqliteStore } from '@hotline/eventstore';
import { domainUpcaster, streams, systemClock, VirtualClock } from '@hotline/platform';
import { createLogger } from '@hotline/runtime';
import { titled } from '@hotline/testkit';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Firing } from '../src/firing/crossing-raiser.ts';
import { createSlaClockService, type SlaClockService } from '../src/sla-clock-service.ts';
import { RedisTimerStore } from '../src/timers/redis-timer-store.ts';
import { appendTo, at } from './sla-clock-harness.ts';
import { alertsBus } from './support/alerts-bus.ts';
import { signAcmeContract } from './support/contract-events.ts';
import { closeRedisClients, keyPrefix, redis, redisClient } from './support/redis.ts';
import { auditSlaFacts } from './support/sla-audit.ts';
import { tickets } from './support/ticket-events.ts';
import { ticketTraffic } from './support/ticket-traffic.ts';

const contract = signedContract('ACME-M', 'ACME', acmeMaintenanceTerms);
const contractOf = (id: string) => (id === 'ACME-M' ? contract : undefined);
const logger = createLogger({ service: 'test', level: 'silent' });
const cleanups: (() => Promise<unknown> | unknown)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Replicas of the SLA clock sharing one store (one per replica, or one in memory) and one Redis prefix. */
async function replicas(count: number, stores: () => Promise<EventStore>, clock: VirtualClock | typeof systemClock) {
  const { bus, alerts, close } = await alertsBus();
  cleanups.push(close);
  const prefix = keyPrefix();
  const firings: Firing[][] = [];
  const services: SlaClockService[] = [];
  for (let index = 0; index < count; index++) {
    const store = await stores();
    const fired: Firing[] = [];
    firings.push(fired);
    const service = createSlaClockService(
      { store, bus, logger, clock },
      {
        timers: new RedisTimerStore({ redis: redisClient(), prefix }),
        // Each replica writes every timer it moves, and nudges itself: no need to poll the others'.
        pollIntervalMs: null,
        batchSize: 8,
        onFiring: (firing) => void fired.push(firing),
      },
    );
    services.push(service);
    cleanups.push(() => service.stop());
  }
  return { services, firings, alerts };
}

async function settleAll(store: EventStore, services: readonly SlaClockService[]): Promise<void> {
  for (;;) {
    const head = await store.headPosition();
    for (const service of services) await service.settled();
    if ((await store.headPosition()) === head) return;
  }
}

describe.skipIf(!redis.available)(titled('replicas on the real Redis', redis), () => {
  afterAll(closeRedisClients);

  it('two replicas on a virtual week share the timers and never fire one twice', async () => {
    const clock = new VirtualClock(at('2026-09-13T00:00:00+02:00'));
    const store = await openMemoryStore();
    cleanups.push(() => store.close());
    await signAcmeContract(store);
    const { services, firings, alerts } = await replicas(2, async () => store, clock);
    await Promise.all(services.map((service) => service.start()));

    const advance = async (instant: number) => {
      await settleAll(store, services);
      for (;;) {
        const next = await services[0]!.nextTimerAt();
        if (next === null || next > instant) break;
        await clock.advanceTo(Math.max(next, clock.now()));
        await settleAll(store, services);
      }
      await clock.advanceTo(instant);
      await settleAll(store, services);
    };
    const traffic = ticketTraffic({
      count: 120,
      from: at('2026-09-14T07:00:00+02:00'),
      to: at('2026-09-18T19:00:00+02:00'),
      seed: 7,
    });
    for (const event of traffic) {
      await advance(Math.max(clock.now(), toEpochMs(event.at)));
      await appendTo(store, streams.ticket(event.ticketId), event);
    }
    const end = at('2026-10-31T00:00:00+01:00');
    await advance(end);

    const audit = await auditSlaFacts(store, contractOf, end);
    expect(audit.problems).toEqual([]);
    const all = firings.flat();
    // A timer fired twice would show as a firing that found its crossings already raised.
    expect(all.filter((firing) => firing.raised.length === 0)).toEqual([]);
    expect(all.flatMap((firing) => firing.raised)).toHaveLength(audit.facts);
    expect(alerts).toHaveLength(audit.facts);
    expect(new Set(alerts.map((alert) => alert.alertId)).size).toBe(audit.facts);
    console.info(
      `[sla-clock] two replicas, a virtual week: ${audit.facts} facts, firings per replica ${firings.map((each) => each.length).join(' / ')}`,
    );
  }, 60_000);

  it('three replicas racing on the real clock over late timers raise each crossing once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sla-clock-replicas-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'events.sqlite');
    const open = async () => {
      const store = await openSqliteStore({ file, upcast: domainUpcaster, pollIntervalMs: 20 });
      cleanups.push(() => store.close());
      return store;
    };
    const seed = await open();
    await signAcmeContract(seed);
    // Received a month ago and never touched: every crossing of every target is past, to raise at once.
    const monthAgo = Date.now() - 30 * 86_400_000;
    for (let index = 0; index < 200; index++) {
      const event = tickets.received(`R-${index}`, index % 2 === 0 ? 'P1' : 'P2', monthAgo + index * 60_000);
      await appendTo(seed, streams.ticket(event.ticketId), event);
    }
    const { services, firings, alerts } = await replicas(3, open, systemClock);
    await Promise.all(services.map((service) => service.start()));
    await expect.poll(async () => alerts.length, { timeout: 30_000, interval: 100 }).toBe(200 * 9);
    await settleAll(seed, services);

    const audit = await auditSlaFacts(seed, contractOf, Date.now(), false);
    expect(audit.problems).toEqual([]);
    expect(audit.facts).toBe(200 * 9);
    const all = firings.flat();
    expect(all.filter((firing) => firing.raised.length === 0)).toEqual([]);
    expect(new Set(all.flatMap((firing) => firing.raised.map(crossingNameOf))).size).toBe(audit.facts);
    expect(new Set(alerts.map((alert) => alert.alertId)).size).toBe(audit.facts);
    console.info(
      `[sla-clock] three racing replicas: firings per replica ${firings.map((each) => each.length).join(' / ')}`,
    );
  }, 60_000);
});
