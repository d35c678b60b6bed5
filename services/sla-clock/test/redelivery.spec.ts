import { acmeHelplineTerms, acmeMaintenanceTerms, playWorkedExample, workedExamples } from '@hotline/domain';
import { ANY } from '@hotline/eventstore';
import { streams } from '@hotline/platform';
import { afterEach, describe, expect, it } from 'vitest';
import { at, slaClockHarness } from './sla-clock-harness.ts';

let harness: Awaited<ReturnType<typeof slaClockHarness>> | undefined;
afterEach(async () => harness?.close());

describe('redelivered events', () => {
  it('change nothing: applied again, appended again, or read again by a restarted service', async () => {
    harness = await slaClockHarness(at('2026-01-01T00:00:00+01:00'));
    await harness.signContract('ACME-M', acmeMaintenanceTerms);
    await harness.signContract('ACME-H', acmeHelplineTerms);
    // In the order they happened (March, May, June), each event recorded at its instant.
    for (const number of [2, 1, 3]) {
      await harness.play(playWorkedExample(workedExamples.find((each) => each.number === number)!).events);
    }
    await harness.advanceTo(at('2026-06-30T12:00:00+02:00'));
    const facts = await harness.store.readAll();
    const alerts = [...harness.alerts];
    expect(alerts).toHaveLength(14);

    // The subscription handing every event over a second time.
    for (const event of facts) harness.service.clocks.apply(event);
    expect(harness.service.clocks.plan(harness.clock.now())).toEqual([]);

    // A firer that lost its acknowledgement appending the same facts again, under the ids their crossings name.
    for (const ticketId of ['WE-1', 'WE-2', 'WE-3']) {
      const recorded = await harness.store.readStream(streams.sla(ticketId));
      for (const fact of recorded) {
        const { id, type, schemaVersion, data, actor, occurredAt } = fact;
        const again = await harness.store.append(fact.stream, [{ id, type, schemaVersion, data, actor, occurredAt }], {
          expectedRevision: ANY,
        });
        expect(again.written).toBe(false);
      }
    }

    // A restarted service reading the whole log again.
    await harness.restart();
    await harness.advanceTo(at('2026-07-31T12:00:00+02:00'));
    expect(await harness.store.readAll()).toEqual(facts);
    expect(harness.alerts).toEqual(alerts);
  });
});
