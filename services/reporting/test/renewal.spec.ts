import { acmeMaintenanceTerms } from '@hotline/domain';
import { openMemoryStore } from '@hotline/eventstore';
import { InProcessBus, silentLogger } from '@hotline/messaging';
import { createLogger } from '@hotline/runtime';
import { describe, expect, it } from 'vitest';
import { ReportingProjections } from '../src/projections/reporting-projections.ts';
import { HotlineScenario, paris } from './support/hotline-scenario.ts';

const eventually = async (check: () => void, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
};

describe('the projections renewal', () => {
  it('sums the tickets changed since in slices, a turn of the event loop each, then nothing is left', async () => {
    const store = await openMemoryStore();
    const bus = new InProcessBus({ logger: silentLogger });
    const now = Date.parse(paris('2026-06-01T12:00'));
    const projections = new ReportingProjections({
      store,
      bus,
      logger: createLogger({ service: 'test', level: 'silent' }),
      feed: 'store',
      renewEveryMs: 2_000,
      now: () => now,
    });
    try {
      const scenario = new HotlineScenario(store);
      await scenario.sign('ACME-M', 'ACME', acmeMaintenanceTerms);
      await projections.start();
      const { view } = projections;
      const slices: number[] = [];
      const settle = view.settleChanged.bind(view);
      view.settleChanged = (at, limit) => {
        slices.push(Math.min(limit, view.changedCount));
        settle(at, limit);
      };
      // Within the renewal's second, so that it finds most of them changed.
      const tickets = Array.from({ length: 200 }, (_, i) => `T-${i}`);
      for (const ticketId of tickets) {
        await scenario.ticket(ticketId, [scenario.receive('ACME', paris('2026-05-29T09:00'), { priority: 'P2' })]);
      }
      await projections.caughtUp();
      await eventually(() => expect(view.changedCount).toBe(0));
      expect(Math.max(...slices)).toBe(64);
      expect(slices.filter((slice) => slice === 64).length).toBeGreaterThanOrEqual(2);
      // Each one summed: an open reading made for it, as a query's flush would have.
      const tallies = view.tallies(now);
      for (const ticketId of tickets) expect(tallies.readingOf(ticketId), ticketId).toBeDefined();
    } finally {
      await projections.stop();
      await bus.close();
      await store.close();
    }
  });
});
