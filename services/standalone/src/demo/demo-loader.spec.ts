import { createIntakeService } from '@hotline/intake';
import { serviceHarness } from '@hotline/platform';
import { createLogger } from '@hotline/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDemoHotline } from './demo-loader.ts';

let harness: Awaited<ReturnType<typeof serviceHarness>> | undefined;
afterEach(async () => harness?.close());

describe('the demo hotline', () => {
  it('fills an empty store with contracts, agents and months of tickets, through the domain rules', async () => {
    const now = Date.parse('2026-03-31T18:00:00+02:00');
    let intake: ReturnType<typeof createIntakeService> | undefined;
    harness = await serviceHarness((context) => {
      intake = createIntakeService(context);
      return intake;
    }, now);
    const logger = createLogger({ service: 'demo-test', level: 'silent' });
    const deps = { store: harness.store, bus: harness.bus, clock: harness.clock, logger, contracts: intake!.contracts };
    const tickets = await loadDemoHotline(deps, now, logger);
    expect(tickets).toBeGreaterThan(50);
    const streams = new Set((await harness.store.readAll()).map((event) => event.stream.split('-')[0]));
    expect([...streams].sort()).toEqual(['agent', 'contract', 'ticket']);
    // Nothing in the demo is dated after now, and a second start leaves the store alone.
    const events = await harness.store.readAll();
    expect(events.every((event) => Date.parse(event.occurredAt) <= now)).toBe(true);
    expect(await loadDemoHotline(deps, now, logger)).toBe(0);
    expect(await harness.store.readAll()).toHaveLength(events.length);
  });
});
