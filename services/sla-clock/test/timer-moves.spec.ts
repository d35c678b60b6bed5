import { acmeMaintenanceTerms, ContractTerms, contractEvent } from '@hotline/domain';
import { streams } from '@hotline/platform';
import { afterEach, describe, expect, it } from 'vitest';
import { appendTo, at, factLine, iso, slaClockHarness } from './sla-clock-harness.ts';
import { tickets } from './support/ticket-events.ts';

let harness: Awaited<ReturnType<typeof slaClockHarness>> | undefined;
afterEach(async () => harness?.close());

const monday = (time: string) => at(`2026-09-14T${time}:00+02:00`);
const tuesday = (time: string) => at(`2026-09-15T${time}:00+02:00`);
const wednesday = (time: string) => at(`2026-09-16T${time}:00+02:00`);

async function start(now: number) {
  harness = await slaClockHarness(now);
  await harness.signContract('ACME-M', acmeMaintenanceTerms);
  return harness;
}

const nextTimer = async () => {
  const next = await harness!.service.nextTimerAt();
  return next === null ? null : iso(next);
};

describe('timers follow what happens to the ticket', () => {
  it('a customer wait removes the timer and the reply sets it past the wait', async () => {
    const h = await start(monday('09:00'));
    await h.play([tickets.received('T-1', 'P2', monday('09:00')), tickets.takenCharge('T-1', monday('10:00'))]);
    // Workaround 16 h of service: 75 % (12 h) on Tuesday 14:00.
    expect(await nextTimer()).toBe('2026-09-15T12:00:00.001Z');
    await h.play([tickets.customerAsked('T-1', monday('15:00'))]);
    expect(await nextTimer()).toBeNull();
    await h.advanceTo(tuesday('18:00'));
    expect(await h.slaFacts('T-1')).toEqual([]);
    // 5 h counted on Monday: 7 h more from Wednesday 09:00, lunch skipped, is 17:00.
    await h.play([tickets.customerReplied('T-1', wednesday('09:00'))]);
    expect(await nextTimer()).toBe('2026-09-16T15:00:00.001Z');
    await h.advanceTo(wednesday('17:30'));
    expect((await h.slaFacts('T-1')).map(factLine)).toEqual([
      'workaround P2 warning 0.75 due 2026-09-16T15:00:00.000Z raised 2026-09-16T15:00:00.001Z',
    ]);
  });

  it('a requalification to a higher priority brings the timer forward and wakes the sleeping loop', async () => {
    const h = await start(monday('09:00'));
    await h.play([tickets.received('T-1', 'P3', monday('09:00'))]);
    // P3 take-charge 8 h: 75 % at 16:00.
    expect(await nextTimer()).toBe('2026-09-14T14:00:00.001Z');
    await h.play([tickets.requalified('T-1', monday('09:30'), 'P2')]);
    // P2 take-charge 4 h, still from reception: 75 % at 12:00.
    expect(await nextTimer()).toBe('2026-09-14T10:00:00.001Z');
    await h.advanceTo(monday('12:10'));
    expect((await h.slaFacts('T-1')).map(factLine)).toEqual([
      'takeCharge P2 warning 0.75 due 2026-09-14T10:00:00.000Z raised 2026-09-14T10:00:00.001Z',
    ]);
  });

  it('a requalification out of the contract (a change request) ends the timers', async () => {
    const h = await start(monday('09:00'));
    await h.play([
      tickets.received('T-1', 'P2', monday('09:00')),
      tickets.requalified('T-1', monday('09:30'), 'P2', null),
    ]);
    expect(await nextTimer()).toBeNull();
    await h.advanceTo(wednesday('18:00'));
    expect(await h.slaFacts('T-1')).toEqual([]);
  });

  it('a milestone before a warning moves the timer to the next target', async () => {
    const h = await start(monday('09:00'));
    await h.play([tickets.received('T-1', 'P2', monday('09:00')), tickets.takenCharge('T-1', monday('11:59'))]);
    expect(await nextTimer()).toBe('2026-09-15T12:00:00.001Z');
    await h.advanceTo(monday('18:00'));
    expect(await h.slaFacts('T-1')).toEqual([]);
  });

  it('a rejected ticket waits for nothing more and leaves the read model', async () => {
    const h = await start(monday('09:00'));
    await h.play([tickets.received('T-1', 'P2', monday('09:00'))]);
    expect(h.service.clocks.size).toBe(1);
    await h.play([tickets.rejected('T-1', monday('09:10'))]);
    expect(await nextTimer()).toBeNull();
    expect(h.service.clocks.size).toBe(0);
    expect(await h.service.timers.size()).toBe(0);
  });

  it('a stale timer re-checks the ticket as it is now: nothing raised, the timer set right', async () => {
    // Polling, as on timers shared with replicas that write behind this one's back.
    harness = await slaClockHarness(monday('09:00'), { pollIntervalMs: 60_000 });
    const h = harness;
    await h.signContract('ACME-M', acmeMaintenanceTerms);
    await h.play([tickets.received('T-1', 'P2', monday('09:00')), tickets.takenCharge('T-1', monday('10:00'))]);
    // As another replica's stale write could leave it: due soon, for a take-charge already met.
    await h.service.timers.schedule([{ ticketId: 'T-1', at: monday('10:30'), version: 1_000n }]);
    await h.advanceTo(monday('10:31'));
    expect(await h.slaFacts('T-1')).toEqual([]);
    expect(h.alerts).toEqual([]);
    expect(await nextTimer()).toBe('2026-09-15T12:00:00.001Z');
  });

  it('an amendment that took effect before a ticket was received moves its targets', async () => {
    const h = await start(monday('09:00'));
    await h.play([tickets.received('T-1', 'P2', monday('09:00'))]);
    expect(await nextTimer()).toBe('2026-09-14T10:00:00.001Z');
    const faster = ContractTerms.parse({
      ...acmeMaintenanceTerms,
      slaTargets: acmeMaintenanceTerms.slaTargets.map((target) =>
        target.priority === 'P2' && target.target === 'takeCharge' ? { ...target, durationMinutes: 120 } : target,
      ),
    });
    const amended = contractEvent('ContractAmended', {
      contractId: 'ACME-M',
      amendmentId: 'AMD-1',
      terms: faster,
      effectiveFrom: '2026-09-01T00:00:00+02:00',
      reason: 'Faster take-charge',
      by: 'sales',
      at: iso(monday('09:05')),
    });
    await appendTo(h.store, streams.contract('ACME-M'), amended);
    // 2 h of take-charge: 75 % at 10:30.
    await h.advanceTo(monday('09:05'));
    expect(await nextTimer()).toBe('2026-09-14T08:30:00.001Z');
  });
});
