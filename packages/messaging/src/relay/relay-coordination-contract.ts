import { afterEach, describe, expect, it } from 'vitest';
import { FencedError, type RelayCheckpoints, type RelayLeadership } from './relay-coordination.ts';

/** One holder's coordination, as one process opens it. */
export interface Holder extends RelayLeadership, RelayCheckpoints {
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

/**
 * What every relay coordination promises (the relay's and the SLA clock's alert dispatcher's), run on
 * each adapter: one holder of the lease at a time, a newer fencing token at each term, a checkpoint
 * that only the latest term moves and that never moves back.
 */
export function relayCoordinationContract(name: string, place: () => Promise<CoordinationPlace>, skip?: string) {
  describe.skipIf(skip !== undefined)(`${name} relay coordination${skip ? ` (skipped: ${skip})` : ''}`, () => {
    const places: CoordinationPlace[] = [];
    afterEach(async () => {
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
      expect(second.token).toBeGreaterThan(first.token);
      // The former holder can no longer move the checkpoint: fenced by the newer term.
      await expect(a.save(10n, first.token)).rejects.toBeInstanceOf(FencedError);
      await b.save(10n, second.token);
      expect(await a.load()).toBe(10n);
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
      expect(current.token).toBeGreaterThan(old.token);
      await expect(zombie.save(25n, old.token)).rejects.toBeInstanceOf(FencedError);
      await successor.save(20n, current.token);
      expect(await successor.load()).toBe(20n);
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
  });
}
