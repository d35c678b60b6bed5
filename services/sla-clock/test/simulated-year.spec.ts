import { acmeMaintenanceTerms, signedContract } from '@hotline/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { at, slaClockHarness } from './sla-clock-harness.ts';
import { auditSlaFacts } from './support/sla-audit.ts';
import { ticketTraffic } from './support/ticket-traffic.ts';

let harness: Awaited<ReturnType<typeof slaClockHarness>> | undefined;
afterEach(async () => harness?.close());

const contract = signedContract('ACME-M', 'ACME', acmeMaintenanceTerms);

describe('a year of tickets on the virtual clock', () => {
  it('raises every crossing once, on time, each one a crossing of what was known when it was raised', async () => {
    const started = performance.now();
    harness = await slaClockHarness(at('2026-01-01T00:00:00+01:00'));
    await harness.signContract('ACME-M', acmeMaintenanceTerms);
    const events = ticketTraffic({
      count: 1_500,
      from: at('2026-01-05T00:00:00+01:00'),
      to: at('2026-12-15T00:00:00+01:00'),
      seed: 2026,
    });
    await harness.play(events);
    const end = at('2027-01-31T00:00:00+01:00');
    await harness.advanceTo(end);

    const audit = await auditSlaFacts(harness.store, (id) => (id === 'ACME-M' ? contract : undefined), end);
    expect(audit.problems).toEqual([]);
    expect(audit.facts).toBeGreaterThan(3_000);
    expect(harness.alerts).toHaveLength(audit.facts);
    expect(new Set(harness.alerts.map((alert) => alert.alertId)).size).toBe(audit.facts);
    // Every ticket closed, rejected or waiting for nothing more has left the read model.
    expect(harness.service.clocks.size).toBeLessThan(1_500);
    console.info(
      `[sla-clock] a simulated year: ${events.length} ticket events, ${audit.facts} SLA facts (${audit.late} late, all after a requalification) in ${Math.round(performance.now() - started)} ms`,
    );
  }, 120_000);
});
