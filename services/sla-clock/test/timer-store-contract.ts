import { afterEach, describe, expect, it } from 'vitest';
import type { TimerClaim, TimerStore } from '../src/timers/timer-store.ts';

export interface TimerStoreFixture {
  readonly store: TimerStore;
  /** Another process's view of the same timers (the same store where there is only one process). */
  replica(): TimerStore;
  close(): Promise<void>;
}

const T0 = Date.parse('2026-09-14T09:00:00+02:00');
const minutes = (count: number) => T0 + count * 60_000;
const ids = (claims: readonly TimerClaim[]) => claims.map((claim) => claim.ticketId);

/** Every guarantee of the TimerStore port, once; each adapter runs it. */
export function timerStoreContract(name: string, open: () => Promise<TimerStoreFixture>) {
  describe(`${name} timer store`, () => {
    let fixture: TimerStoreFixture | undefined;
    const start = async () => {
      fixture = await open();
      return fixture.store;
    };
    afterEach(async () => {
      await fixture?.close();
      fixture = undefined;
    });

    it('has nothing due when nothing is scheduled', async () => {
      const store = await start();
      expect(await store.nextAt()).toBeNull();
      expect(await store.claimDue(minutes(100), 10, minutes(101))).toEqual([]);
      expect(await store.size()).toBe(0);
    });

    it('claims the timers due, earliest first, up to the limit, and leaves the others', async () => {
      const store = await start();
      await store.schedule([
        { ticketId: 'T-3', at: minutes(3), version: 1n },
        { ticketId: 'T-1', at: minutes(1), version: 1n },
        { ticketId: 'T-2', at: minutes(2), version: 1n },
        { ticketId: 'T-9', at: minutes(9), version: 1n },
      ]);
      expect(await store.nextAt()).toBe(minutes(1));
      expect(await store.size()).toBe(4);
      const first = await store.claimDue(minutes(5), 2, minutes(6));
      expect(first).toEqual([
        { ticketId: 'T-1', at: minutes(1), version: 1n, leaseUntil: minutes(6), retry: false },
        { ticketId: 'T-2', at: minutes(2), version: 1n, leaseUntil: minutes(6), retry: false },
      ]);
      expect(ids(await store.claimDue(minutes(5), 10, minutes(6)))).toEqual(['T-3']);
    });

    it('leases a claimed timer: nobody claims it again before the lease lapses, then it is a retry', async () => {
      const store = await start();
      await store.schedule([{ ticketId: 'T-1', at: minutes(1), version: 4n }]);
      await store.claimDue(minutes(1), 10, minutes(2));
      expect(await store.claimDue(minutes(1) + 59_999, 10, minutes(3))).toEqual([]);
      expect(await store.nextAt()).toBe(minutes(2));
      expect(await store.claimDue(minutes(2), 10, minutes(3))).toEqual([
        { ticketId: 'T-1', at: minutes(2), version: 4n, leaseUntil: minutes(3), retry: true },
      ]);
    });

    it('completes a claim by moving the timer on, or removing it; a claim completes once', async () => {
      const store = await start();
      await store.schedule([
        { ticketId: 'T-1', at: minutes(1), version: 1n },
        { ticketId: 'T-2', at: minutes(1), version: 1n },
      ]);
      const [one, two] = await store.claimDue(minutes(1), 10, minutes(2));
      expect(await store.complete(one!, minutes(30))).toBe(true);
      expect(await store.complete(two!, null)).toBe(true);
      expect(await store.complete(one!, minutes(40))).toBe(false);
      expect(await store.nextAt()).toBe(minutes(30));
      expect(await store.size()).toBe(1);
      const [again] = await store.claimDue(minutes(30), 10, minutes(31));
      expect(again).toMatchObject({ ticketId: 'T-1', retry: false });
    });

    it('ignores a schedule older than, or as old as, the one stored', async () => {
      const store = await start();
      await store.schedule([{ ticketId: 'T-1', at: minutes(10), version: 10n }]);
      await store.schedule([{ ticketId: 'T-1', at: minutes(50), version: 9n }]);
      await store.schedule([{ ticketId: 'T-1', at: null, version: 10n }]);
      expect(await store.nextAt()).toBe(minutes(10));
      await store.schedule([{ ticketId: 'T-1', at: minutes(20), version: 11n }]);
      expect(await store.nextAt()).toBe(minutes(20));
    });

    it('compares versions as numbers past 2^53, not as text', async () => {
      const store = await start();
      await store.schedule([{ ticketId: 'T-1', at: minutes(10), version: 9_007_199_254_740_993n }]);
      await store.schedule([{ ticketId: 'T-1', at: minutes(5), version: 9_007_199_254_740_992n }]);
      await store.schedule([{ ticketId: 'T-1', at: minutes(5), version: 999n }]);
      expect(await store.nextAt()).toBe(minutes(10));
      await store.schedule([{ ticketId: 'T-1', at: minutes(7), version: 10_000_000_000_000_000n }]);
      expect(await store.nextAt()).toBe(minutes(7));
    });

    it('keeps the version of a removed timer, so a late stale schedule cannot bring it back; forgetting drops it', async () => {
      const store = await start();
      await store.schedule([{ ticketId: 'T-1', at: null, version: 5n }]);
      await store.schedule([{ ticketId: 'T-1', at: minutes(1), version: 4n }]);
      expect(await store.size()).toBe(0);
      await store.schedule([{ ticketId: 'T-1', at: null, version: 6n, forget: true }]);
      await store.schedule([{ ticketId: 'T-1', at: minutes(1), version: 1n }]);
      expect(await store.nextAt()).toBe(minutes(1));
    });

    it('lets a newer schedule supersede a lease: the claim no longer completes', async () => {
      const store = await start();
      await store.schedule([{ ticketId: 'T-1', at: minutes(1), version: 1n }]);
      const [claim] = await store.claimDue(minutes(1), 10, minutes(2));
      await store.schedule([{ ticketId: 'T-1', at: minutes(45), version: 2n }]);
      expect(await store.complete(claim!, null)).toBe(false);
      expect(await store.nextAt()).toBe(minutes(45));
      expect(await store.claimDue(minutes(45), 10, minutes(46))).toMatchObject([{ retry: false, version: 2n }]);
    });

    it('does not let a lapsed claim complete once another firer took the timer over', async () => {
      const store = await start();
      await store.schedule([{ ticketId: 'T-1', at: minutes(1), version: 1n }]);
      const [stalled] = await store.claimDue(minutes(1), 10, minutes(2));
      const [takeover] = await fixture!.replica().claimDue(minutes(2), 10, minutes(3));
      expect(await store.complete(stalled!, minutes(99))).toBe(false);
      expect(await fixture!.replica().complete(takeover!, null)).toBe(true);
      expect(await store.size()).toBe(0);
    });

    it('gives each due timer to one claimer when several claim at once', async () => {
      const store = await start();
      const count = 300;
      await store.schedule(
        Array.from({ length: count }, (_, index) => ({ ticketId: `T-${index}`, at: minutes(index % 7), version: 1n })),
      );
      const claimers = [store, ...Array.from({ length: 5 }, () => fixture!.replica())];
      const claimed: string[] = [];
      await Promise.all(
        claimers.map(async (claimer) => {
          for (;;) {
            const claims = await claimer.claimDue(minutes(10), 7, minutes(20));
            if (claims.length === 0) return;
            claimed.push(...ids(claims));
          }
        }),
      );
      expect(claimed).toHaveLength(count);
      expect(new Set(claimed).size).toBe(count);
    });
  });
}
