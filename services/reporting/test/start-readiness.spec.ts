import { openMemoryStore } from '@hotline/eventstore';
import { InProcessBus, silentLogger } from '@hotline/messaging';
import { VirtualClock } from '@hotline/platform';
import { createLogger } from '@hotline/runtime';
import { describe, expect, it } from 'vitest';
import { createReportingService } from '../src/reporting-service.ts';
import { writeHotlineHistory } from './support/hotline-history.ts';
import { reportingHarness } from './support/reporting-harness.ts';

const from = Date.parse('2026-01-05T08:00:00+01:00');
const until = Date.parse('2026-07-01T12:00:00+02:00');

describe('the start of the reporting service', () => {
  it('is not ready before its projections started', async () => {
    const store = await openMemoryStore();
    const logger = createLogger({ service: 'test', level: 'silent' });
    const bus = new InProcessBus({ logger: silentLogger });
    const service = createReportingService({ store, bus, logger, clock: new VirtualClock(until) });
    await expect(service.readiness?.reporting?.()).rejects.toThrow('still starting');
    await bus.close();
    await store.close();
  });

  it('judges every ticket of the store before it reports ready, not at the first query', async () => {
    const store = await openMemoryStore();
    await writeHotlineHistory(store, { tickets: 120, from, until, seed: 5 });
    const harness = await reportingHarness(until, { store });
    try {
      const view = await harness.service.projections.current();
      await expect(harness.service.readiness?.reporting?.()).resolves.toMatchObject({ tickets: 120 });
      expect(view.open.size).toBeGreaterThan(0);
      // Every ticket summed (none left to judge at the first query), the open ones read at the start.
      expect(view.changedCount).toBe(0);
      const renewed = view.readingsRenewed;
      const tallies = view.tallies(until);
      for (const ticketId of view.open) expect(tallies.readingOf(ticketId)).toBeDefined();
      expect(view.readingsRenewed).toBe(renewed);
    } finally {
      await harness.close();
      await store.close();
    }
  });
});
