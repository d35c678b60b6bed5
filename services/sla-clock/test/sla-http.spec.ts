import { seedWorkedExamples, serviceHarness } from '@hotline/platform';
import { afterEach, describe, expect, it } from 'vitest';
import { createSlaClockService } from '../src/sla-clock-service.ts';

let harness: Awaited<ReturnType<typeof serviceHarness>> | undefined;
afterEach(async () => harness?.close());

describe('a ticket SLA over HTTP', () => {
  it('gives the due instants and verdicts of worked example 1', async () => {
    harness = await serviceHarness(createSlaClockService, Date.parse('2026-06-30T12:00:00+02:00'));
    await seedWorkedExamples(harness.store);
    const response = await harness.app.inject({ method: 'GET', url: '/tickets/WE-1/sla' });
    expect(response.statusCode).toBe(200);
    const sla = response.json();
    expect(
      sla.targets.map((target: { target: string; dueAt: string; status: string }) => [
        target.target,
        target.dueAt,
        target.status,
      ]),
    ).toEqual([
      ['takeCharge', '2026-05-11T09:00:00.000Z', 'met'],
      ['workaround', '2026-05-15T08:00:00.000Z', 'breached'],
      ['resolution', '2026-05-20T08:00:00.000Z', 'breached'],
    ]);
    expect(sla).toMatchObject({ overrunDays: 7, withinDeadlines: false, coverage: 'covered', contractId: 'ACME-M' });
  });

  it('counts an open ticket up to the clock, and answers 404 for an unknown ticket', async () => {
    harness = await serviceHarness(createSlaClockService, Date.parse('2026-09-14T11:00:00+02:00'));
    await seedWorkedExamples(harness.store);
    const sla = (await harness.app.inject({ method: 'GET', url: '/tickets/WE-4/sla' })).json();
    expect(sla.targets[0]).toMatchObject({ target: 'takeCharge', priority: 'P1', status: 'breached', percent: 200 });
    expect((await harness.app.inject({ method: 'GET', url: '/tickets/nope/sla' })).statusCode).toBe(404);
  });
});
