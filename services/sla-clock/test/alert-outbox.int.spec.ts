import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acmeMaintenanceTerms, type SlaEvent } from '@hotline/domain';
import { type EventStore, openMemoryStore, openSqliteStore } from '@hotline/eventstore';
import { type Bus, RedisRelayCoordination, type SlaAlert } from '@hotline/messaging';
import { domainUpcaster, streams, VirtualClock } from '@hotline/platform';
import { createLogger } from '@hotline/runtime';
import { type Provided, titled } from '@hotline/testkit';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type AlertCoordination, alertCoordinationFor } from '../src/alerts/alert-coordination.ts';
import { AlertDispatcher } from '../src/alerts/alert-dispatcher.ts';
import { storedAlerts } from '../src/alerts/stored-alerts.ts';
import { TicketClocks } from '../src/clocks/ticket-clocks.ts';
import { crossingRaiser } from '../src/firing/crossing-raiser.ts';
import { MemoryTimerStore } from '../src/timers/memory-timer-store.ts';
import { appendTo, at, slaClockHarness } from './sla-clock-harness.ts';
import { alertsBus } from './support/alerts-bus.ts';
import { signAcmeContract } from './support/contract-events.ts';
import { closeRedisClients, keyPrefix, redis, redisClient } from './support/redis.ts';
import { tickets } from './support/ticket-events.ts';

const monday = (time: string) => at(`2026-09-14T${time}:00+02:00`);
const logger = createLogger({ service: 'test', level: 'silent' });
const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(closeRedisClients);

const byPosition = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sla-clock-outbox-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, 'events.sqlite');
}

/**
 * What a replica leaves when it dies between the append and the alert: the raiser's own firing (read
 * model, timers, append under the crossings' ids) of everything due at `now`, and no dispatcher.
 */
async function raiseWithoutAlerting(store: EventStore, now: number): Promise<SlaEvent[]> {
  const clocks = new TicketClocks();
  for (const event of await store.readAll()) clocks.apply(event);
  const timers = new MemoryTimerStore();
  await timers.schedule(clocks.plan(now));
  const clock = { now: () => now, sleepUntil: async () => {} };
  const fire = crossingRaiser({ store, timers, clock, clocks, logger, actor: 'sla-clock', retryDelayMs: 5_000 });
  const raised: SlaEvent[] = [];
  for (const claim of await timers.claimDue(now, 1_000, now + 30_000)) raised.push(...(await fire(claim)).raised);
  return raised;
}

async function factIds(store: EventStore): Promise<string[]> {
  return (await store.readAll()).filter((event) => event.stream.startsWith('sla-')).map((event) => event.id);
}

/** The service's read model folded from the log as far as a dispatcher needs, without a service around it. */
function foldedReadModel(store: EventStore) {
  const clocks = new TicketClocks();
  let folded = 0n;
  const readModelAt = async () => {
    for (const event of await store.readAll({ after: folded })) {
      clocks.apply(event);
      folded = event.position;
    }
  };
  return { clocks, readModelAt };
}

async function collectedAlerts() {
  const alerting = await alertsBus();
  cleanups.push(() => alerting.close());
  return { bus: alerting.bus, received: alerting.alerts };
}

async function signedStore(): Promise<EventStore> {
  const store = await openMemoryStore();
  cleanups.push(() => store.close());
  await signAcmeContract(store);
  return store;
}

async function receivedAndRaised(store: EventStore, from: number, count: number): Promise<SlaEvent[]> {
  for (let index = from; index < from + count; index++) {
    const event = tickets.received(`D-${index}`, 'P1', monday('09:00') + index * 60_000);
    await appendTo(store, streams.ticket(event.ticketId), event);
  }
  return raiseWithoutAlerting(store, monday('18:00'));
}

const coordinations: [string, Provided<unknown>, ((store: EventStore, prefix: string) => AlertCoordination) | null][] =
  [
    ['a SQLite file next to the store', { available: true, endpoint: null }, null],
    ['Redis', redis, (store, prefix) => alertCoordinationFor({ store, redis: redisClient() }, { redisPrefix: prefix })],
  ];

describe('alerts follow the stored facts', () => {
  describe.each(coordinations)('checkpoint in %s', (_name, piece, coordinationOf) => {
    it.skipIf(!piece.available)(
      titled('alerts at restart the facts appended before a crash, once each, and nothing already sent', piece),
      async () => {
        const file = tempFile();
        const prefix = keyPrefix();
        const withAlerts = (store: EventStore) =>
          coordinationOf === null ? {} : { alerts: coordinationOf(store, prefix) };
        const clock = new VirtualClock(monday('09:00'));
        const first = await openSqliteStore({ file, upcast: domainUpcaster });
        const before = await slaClockHarness(monday('09:00'), { store: first, clock, ...withAlerts(first) });
        await before.signContract('ACME-M', acmeMaintenanceTerms);
        await before.play([
          tickets.received('T-1', 'P2', monday('09:00')),
          tickets.received('T-2', 'P1', monday('09:00')),
        ]);
        // T-2's take-charge 75 % (P1: 1 h) is raised and alerted.
        await before.advanceTo(monday('09:50'));
        expect(before.alerts.map((alert) => `${alert.ticketId} ${alert.target} ${alert.threshold}`)).toEqual([
          'T-2 takeCharge 75',
        ]);
        const sent = new Set(before.alerts.map((alert) => alert.alertId));
        await before.close();

        // The next replica fires at 13:00, appends, and dies before any alert is sent.
        const raised = await raiseWithoutAlerting(first, monday('13:00'));
        expect(raised.length).toBeGreaterThan(2);
        await first.close();

        await clock.advanceTo(monday('13:00'));
        const second = await openSqliteStore({ file, upcast: domainUpcaster });
        cleanups.push(() => second.close());
        const after = await slaClockHarness(monday('13:00'), { store: second, clock, ...withAlerts(second) });
        await after.service.settled();
        const ids = await factIds(second);
        // Every fact is alerted, once: the one sent before the crash not again, the crash's all of them.
        expect(after.alerts.map((alert) => alert.alertId).sort()).toEqual(ids.filter((id) => !sent.has(id)).sort());
        expect(after.alerts).toHaveLength(raised.length);
        for (const alert of after.alerts) expect(alert.clientId).toBe('ACME');
        await after.close();
      },
    );
  });

  it('sends everything a bus outage held back once the bus is back, in the order of the facts', async () => {
    const store = await signedStore();
    const { bus, received } = await collectedAlerts();
    // The real bus behind a switch: while it is down, every publish fails as with a broker away.
    let down = true;
    let refused = 0;
    const published: bigint[] = [];
    const flaky: Pick<Bus, 'publish'> = {
      publish: async (topic, messages) => {
        if (down) {
          refused += 1;
          throw new Error('broker unreachable');
        }
        await bus.publish(topic, messages);
        for (const message of messages) published.push(BigInt((message.payload as SlaAlert).position!));
      },
    };
    const coordination = alertCoordinationFor({ store });
    const dispatcher = new AlertDispatcher({
      store,
      bus: flaky,
      leadership: coordination.leadership,
      checkpoints: coordination.checkpoints,
      alertsOf: storedAlerts({ store, ...foldedReadModel(store) }),
      logger,
      maxBatchSize: 5,
    }).start();
    cleanups.push(() => dispatcher.stop());

    const raised = await receivedAndRaised(store, 0, 12);
    expect(raised.length).toBeGreaterThan(24);
    await expect.poll(() => refused, { timeout: 5_000 }).toBeGreaterThan(2);
    expect(received).toEqual([]);
    // The dispatch lag (the gauge's value): the positions from the checkpoint (none yet) to the head.
    expect(await dispatcher.lag()).toBe(Number(await store.headPosition()));

    down = false;
    await expect.poll(() => received.length, { timeout: 15_000, interval: 50 }).toBe(raised.length);
    await expect.poll(() => dispatcher.lag()).toBe(0);
    // Published in the order of the log; each ticket's alerts (one key, one partition) arrive in that order.
    expect(published).toEqual([...published].sort(byPosition));
    for (const ticketId of new Set(received.map((alert) => alert.ticketId))) {
      const positions = received.filter((alert) => alert.ticketId === ticketId).map((alert) => BigInt(alert.position!));
      expect(positions).toEqual([...positions].sort(byPosition));
    }
    expect(received.map((alert) => alert.alertId).sort()).toEqual((await factIds(store)).sort());
  });
});

describe.skipIf(!redis.available)(titled('two alert dispatchers on the real Redis', redis), () => {
  it('take turns: never both publishing, every alert sent, repeats only at a takeover', async () => {
    const store = await signedStore();
    const { bus, received } = await collectedAlerts();
    const prefix = keyPrefix();
    const publishing = new Set<string>();
    const overlaps: string[] = [];
    const sentBy: Record<string, string[]> = { a: [], b: [] };
    const dispatcher = (name: 'a' | 'b') => {
      const coordination = new RedisRelayCoordination({ redis: redisClient(), prefix, leaseTtlMs: 600, owner: name });
      const replica = new AlertDispatcher({
        store,
        bus: {
          publish: async (topic, messages) => {
            if (publishing.size > 0) overlaps.push(`${name} while ${[...publishing].join()}`);
            publishing.add(name);
            try {
              // A slow broker: a batch stays in flight long enough for the other replica to try its luck.
              await new Promise((resolve) => setTimeout(resolve, 20));
              await bus.publish(topic, messages);
              for (const message of messages) sentBy[name]!.push((message.payload as SlaAlert).alertId);
            } finally {
              publishing.delete(name);
            }
          },
        },
        leadership: coordination,
        checkpoints: coordination,
        alertsOf: storedAlerts({ store, ...foldedReadModel(store) }),
        logger,
        maxBatchSize: 10,
      }).start();
      cleanups.push(() => replica.stop());
      return replica;
    };
    const a = dispatcher('a');
    await a.whenActive();
    const b = dispatcher('b');

    const early = await receivedAndRaised(store, 0, 20);
    await expect.poll(() => sentBy.a!.length, { timeout: 10_000 }).toBe(early.length);
    expect(b.state).toBe('standby');

    // A stops while facts keep coming: B takes over from the checkpoint once the lease is free.
    const late = receivedAndRaised(store, 20, 20);
    await new Promise((resolve) => setTimeout(resolve, 30));
    await a.stop();
    const raisedLate = await late;
    await b.whenActive();
    const all = await factIds(store);
    await expect.poll(() => new Set(received.map((alert) => alert.alertId)).size, { timeout: 15_000 }).toBe(all.length);

    expect(overlaps).toEqual([]);
    expect(early.length + raisedLate.length).toBe(all.length);
    // A repeat can only be a batch one replica sent and could not checkpoint: at most one batch.
    const again = sentBy.b!.filter((id) => sentBy.a!.includes(id));
    expect(again.length).toBeLessThanOrEqual(10);
    expect(received.length).toBe(all.length + again.length);
  }, 30_000);
});
