import { type EventStore, openMemoryStore } from '@hotline/eventstore';
import { afterEach, describe, expect, it } from 'vitest';
import { appendTickets, testEventsTopic } from '../../test/relay-scenarios.ts';
import { silentLogger } from '../bus/logger.ts';
import { InProcessBus } from '../in-process/in-process-bus.ts';
import { EventRelay } from './event-relay.ts';
import { FencedError, type FenceToken, type RelayCoordination } from './relay-coordination.ts';

/** One holder's coordination, as one process opens it. */
export interface Holder extends RelayCoordination {
  /** Its process dies: its connection goes, and with it the renewals. */
  kill(): void;
}

/** Where several holders coordinate: one Redis prefix, one SQLite file. */
export interface CoordinationPlace {
  holder(owner: string, leaseTtlMs: number): Holder;
  /** The lease runs out while its holder is paused (a GC pause, a partition), as if its time were up. */
  expireLease(): Promise<void>;
  close(): Promise<void> | void;
}

const soon = (ms: number) => AbortSignal.timeout(ms);

/** The latest term's token is larger, and only that term moves the checkpoint: the former one is fenced. */
async function expectFencedBy(former: Holder, formerToken: FenceToken, latest: Holder, token: FenceToken, at: bigint) {
  expect(token).toBeGreaterThan(formerToken);
  await expect(former.save(at + 5n, formerToken)).rejects.toBeInstanceOf(FencedError);
  await latest.save(at, token);
  expect(await former.load()).toBe(at);
}

/**
 * What every relay coordination promises (the relay's and the SLA clock's alert dispatcher's), run on
 * each adapter: one holder of the lease at a time, a newer fencing token at each term, a checkpoint
 * that only the latest term moves and that never moves back.
 */
export function relayCoordinationContract(name: string, place: () => Promise<CoordinationPlace>, skip?: string) {
  describe.skipIf(skip !== undefined)(`${name} relay coordination${skip ? ` (skipped: ${skip})` : ''}`, () => {
    const places: CoordinationPlace[] = [];
    const relays: EventRelay[] = [];
    const stores: EventStore[] = [];
    afterEach(async () => {
      await Promise.all(relays.splice(0).map((relay) => relay.stop()));
      await Promise.all(stores.splice(0).map((store) => store.close()));
      for (const each of places.splice(0)) await each.close();
    });
    const open = async () => {
      const opened = await place();
      places.push(opened);
      return opened;
    };

    it('starts at the beginning of the log, and never moves a position back, 64-bit ones included', async () => {
      const a = (await open()).holder('a', 60_000);
      expect(await a.load()).toBe(0n);
      const lease = await a.acquire(soon(1_000));
      await a.save(2n ** 60n + 7n, lease.token);
      await a.save(5n, lease.token);
      expect(await a.load()).toBe(2n ** 60n + 7n);
      await lease.release();
    });

    it('lets one holder hold the lease; the other takes it once released, with a newer token', async () => {
      const shared = await open();
      const [a, b] = [shared.holder('a', 60_000), shared.holder('b', 60_000)];
      const first = await a.acquire(soon(1_000));
      await expect(b.acquire(soon(400))).rejects.toThrow();
      await first.release();
      const second = await b.acquire(soon(1_000));
      await expectFencedBy(a, first.token, b, second.token, 10n);
      await second.release();
    });

    it("fences a holder whose lease ran out, which learns it lost it, and whose release leaves the successor's alone", async () => {
      const shared = await open();
      const [zombie, successor, third] = [
        shared.holder('zombie', 300),
        shared.holder('successor', 60_000),
        shared.holder('third', 60_000),
      ];
      const old = await zombie.acquire(soon(1_000));
      await zombie.save(10n, old.token);
      await shared.expireLease();
      const current = await successor.acquire(soon(2_000));
      await expectFencedBy(zombie, old.token, successor, current.token, 20n);
      // Its next renewal finds another holder: the zombie stops publishing.
      await expect.poll(() => old.lost.aborted, { timeout: 2_000, interval: 20 }).toBe(true);
      await old.release();
      await expect(third.acquire(soon(300))).rejects.toThrow();
      expect(current.lost.aborted).toBe(false);
      await successor.save(30n, current.token);
      await current.release();
    });

    it('hands the lease over once a dead holder stops renewing it', async () => {
      const shared = await open();
      const [a, b] = [shared.holder('a', 300), shared.holder('b', 300)];
      const dead = await a.acquire(soon(1_000));
      a.kill();
      const started = Date.now();
      const next = await b.acquire(soon(3_000));
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(next.token).toBeGreaterThan(dead.token);
      await next.release();
    });

    /** A log of its own and relays publishing it to a topic of its own, each holder a relay. */
    const relaysOn = async (shared: CoordinationPlace) => {
      const store = await openMemoryStore();
      stores.push(store);
      const bus = new InProcessBus({ logger: silentLogger });
      const topic = testEventsTopic(2);
      const seen: string[] = [];
      await bus.consume({ group: 'g', topic, handler: (m) => void seen.push(m.headers.position) });
      const relay = (coordination: Holder) => {
        const started = new EventRelay({
          store,
          bus,
          topic,
          logger: silentLogger,
          checkpoints: coordination,
          leadership: coordination,
        });
        relays.push(started);
        return started;
      };
      return { store, seen, relay: (owner: string) => relay(shared.holder(owner, 300)), relayOf: relay };
    };

    it('keeps one relay active; the standby takes over from the checkpoint when it stops', async () => {
      const { store, seen, relay } = await relaysOn(await open());
      const first = relay('first').start();
      await expect.poll(() => first.state).toBe('active');
      const second = relay('second').start();
      await appendTickets(store, 3, 4);
      await first.waitFor(await store.headPosition());
      expect(second.state).toBe('standby');
      await first.stop();
      await appendTickets(store, 3, 4, 4);
      await expect.poll(() => second.state, { timeout: 5_000 }).toBe('active');
      await second.waitFor(await store.headPosition());
      expect(new Set(seen).size).toBe(24);
    });

    it('stands a relay down when another took its lease, before it moves the checkpoint', async () => {
      const shared = await open();
      const { store, relayOf } = await relaysOn(shared);
      const coordination = shared.holder('zombie', 300);
      const zombie = relayOf(coordination).start();
      await expect.poll(() => zombie.state).toBe('active');
      // Someone else holds the lease now (the zombie's ran out while it was paused).
      await shared.expireLease();
      const lease = await shared.holder('usurper', 60_000).acquire(soon(2_000));
      await expect.poll(() => zombie.state, { timeout: 5_000 }).toBe('standby');
      await appendTickets(store, 2, 2);
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(await coordination.load()).toBe(0n);
      await lease.release();
      await zombie.waitFor(await store.headPosition());
    });
  });
}
