import { acmeHelplineTerms, acmeMaintenanceTerms, playWorkedExample, toEpochMs, workedExamples } from '@hotline/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { at, factLine, slaClockHarness } from './sla-clock-harness.ts';

let harness: Awaited<ReturnType<typeof slaClockHarness>> | undefined;
afterEach(async () => harness?.close());

/** Plays a worked example on the virtual clock, each event recorded at its instant, then runs to `until`. */
async function play(number: number, until: string) {
  const example = workedExamples.find((each) => each.number === number)!;
  const { events } = playWorkedExample(example);
  harness = await slaClockHarness(at('2026-01-01T00:00:00+01:00'));
  await harness.signContract('ACME-M', acmeMaintenanceTerms);
  await harness.signContract('ACME-H', acmeHelplineTerms);
  await harness.play(events);
  await harness.advanceTo(at(until));
  return (await harness.slaFacts(events[0]!.ticketId)).map(factLine);
}

describe('warnings and breaches of the worked examples on the virtual clock', () => {
  it('1: P2 across the 8 May holiday, a customer wait and Ascension', async () => {
    expect(await play(1, '2026-06-30T12:00:00+02:00')).toEqual([
      // Take-charge 75 % at Mon 10:00 (Fri 8 May is a holiday); taken charge at 10:15, before 90 %.
      'takeCharge P2 warning 0.75 due 2026-05-11T08:00:00.000Z raised 2026-05-11T08:00:00.001Z',
      // The customer wait (Tue 10:00 → Wed 14:00) moved the workaround's warnings past it.
      'workaround P2 warning 0.75 due 2026-05-13T13:00:00.000Z raised 2026-05-13T13:00:00.001Z',
      'workaround P2 warning 0.9 due 2026-05-13T15:24:00.000Z raised 2026-05-13T15:24:00.001Z',
      'workaround P2 breach due 2026-05-15T08:00:00.000Z raised 2026-05-15T08:00:00.001Z',
      'resolution P2 warning 0.75 due 2026-05-18T15:00:00.000Z raised 2026-05-18T15:00:00.001Z',
      'resolution P2 warning 0.9 due 2026-05-19T13:00:00.000Z raised 2026-05-19T13:00:00.001Z',
      'resolution P2 breach due 2026-05-20T08:00:00.000Z raised 2026-05-20T08:00:00.001Z',
    ]);
    expect(harness!.alerts.map((alert) => `${alert.target} ${alert.kind} ${alert.threshold} ${alert.dueAt}`)).toEqual([
      'takeCharge warning 75 2026-05-11T09:00:00.000Z',
      'workaround warning 75 2026-05-15T08:00:00.000Z',
      'workaround warning 90 2026-05-15T08:00:00.000Z',
      'workaround breach 100 2026-05-15T08:00:00.000Z',
      'resolution warning 75 2026-05-20T08:00:00.000Z',
      'resolution warning 90 2026-05-20T08:00:00.000Z',
      'resolution breach 100 2026-05-20T08:00:00.000Z',
    ]);
  });

  it('2: P1 the night clocks go forward; a take-charge at the 75 % instant itself raises nothing', async () => {
    expect(await play(2, '2026-06-30T12:00:00+02:00')).toEqual([
      'workaround P1 warning 0.75 due 2026-03-30T10:00:00.000Z raised 2026-03-30T10:00:00.001Z',
      'workaround P1 warning 0.9 due 2026-03-30T11:36:00.000Z raised 2026-03-30T11:36:00.001Z',
      'resolution P1 warning 0.75 due 2026-03-31T12:00:00.000Z raised 2026-03-31T12:00:00.001Z',
      'resolution P1 warning 0.9 due 2026-03-31T14:24:00.000Z raised 2026-03-31T14:24:00.001Z',
      'resolution P1 breach due 2026-03-31T16:00:00.000Z raised 2026-03-31T16:00:00.001Z',
    ]);
  });

  it('3: reopened, then resolved exactly when due: warnings, and no breach', async () => {
    expect(await play(3, '2026-06-30T12:00:00+02:00')).toEqual([
      'resolution P3 warning 0.75 due 2026-06-05T08:00:00.000Z raised 2026-06-05T08:00:00.001Z',
      'resolution P3 warning 0.9 due 2026-06-05T12:36:00.000Z raised 2026-06-05T12:36:00.001Z',
    ]);
  });

  it('4: requalified P1 at 11:00, the P1 take-charge already breached: raised at once, late, both instants kept', async () => {
    expect(await play(4, '2026-09-14T11:00:00+02:00')).toEqual([
      'takeCharge P1 warning 0.75 due 2026-09-14T07:45:00.000Z raised 2026-09-14T09:00:00.000Z',
      'takeCharge P1 warning 0.9 due 2026-09-14T07:54:00.000Z raised 2026-09-14T09:00:00.000Z',
      'takeCharge P1 breach due 2026-09-14T08:00:00.000Z raised 2026-09-14T09:00:00.000Z',
    ]);
    const breach = harness!.alerts.find((alert) => alert.kind === 'breach')!;
    expect(breach).toMatchObject({
      ticketId: 'WE-4',
      clientId: 'ACME',
      contractId: 'ACME-M',
      priority: 'P1',
      target: 'takeCharge',
      threshold: 100,
      dueAt: '2026-09-14T08:00:00.000Z',
      raisedAt: '2026-09-14T09:00:00.000Z',
    });
    expect(toEpochMs(breach.raisedAt) - toEpochMs(breach.dueAt)).toBe(3_600_000);
  });
});
