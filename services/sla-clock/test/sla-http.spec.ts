import { seedWorkedExamples, serviceHarness, streams } from '@hotline/platform';
import { afterEach, describe, expect, it } from 'vitest';
import { createSlaClockService, type SlaClockService } from '../src/sla-clock-service.ts';
import { advanceThrough, appendTo } from './sla-clock-harness.ts';
import { signAcmeContract } from './support/contract-events.ts';
import { tickets } from './support/ticket-events.ts';

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
    // Ended targets count no more, and nothing restarts them.
    for (const target of sla.targets) expect(target).toMatchObject({ runningNow: false, runningChangesAt: null });
  });

  it("tells a countdown when a running target's clock stops and starts with the service hours", async () => {
    // Friday 18:00, after hours: T-1 (P2, received at 17:00) waits for Monday's opening.
    harness = await serviceHarness(createSlaClockService, Date.parse('2026-09-18T17:00:00+02:00'));
    await signAcmeContract(harness.store);
    const received = tickets.received('T-1', 'P2', Date.parse('2026-09-18T17:00:00+02:00'));
    await appendTo(harness.store, streams.ticket('T-1'), received);
    const during = (await harness.app.inject({ method: 'GET', url: '/tickets/T-1/sla' })).json();
    expect(during.targets[0]).toMatchObject({
      target: 'takeCharge',
      status: 'running',
      runningNow: true,
      runningChangesAt: '2026-09-18T16:00:00.000Z',
    });
    await harness.clock.advanceTo(Date.parse('2026-09-18T18:00:00+02:00'));
    const after = (await harness.app.inject({ method: 'GET', url: '/tickets/T-1/sla' })).json();
    expect(after.targets[0]).toMatchObject({
      status: 'running',
      runningNow: false,
      runningChangesAt: '2026-09-21T07:00:00.000Z',
    });
  });

  it('counts an open ticket up to the clock, and answers 404 for an unknown ticket', async () => {
    harness = await serviceHarness(createSlaClockService, Date.parse('2026-09-14T11:00:00+02:00'));
    await seedWorkedExamples(harness.store);
    const sla = (await harness.app.inject({ method: 'GET', url: '/tickets/WE-4/sla' })).json();
    expect(sla.targets[0]).toMatchObject({ target: 'takeCharge', priority: 'P1', status: 'breached', percent: 200 });
    expect((await harness.app.inject({ method: 'GET', url: '/tickets/nope/sla' })).statusCode).toBe(404);
    // The alert dispatch lag is a gauge like the projections' lags.
    const metrics = await harness.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(/hotline_projection_lag_events\{projection="sla-alerts"[^}]*\} 0/);
  });
});

describe('the tickets at risk and the breached ones over HTTP', () => {
  const monday = (time: string) => Date.parse(`2026-09-14T${time}:00+02:00`);

  async function hotlineAt11() {
    harness = await serviceHarness(createSlaClockService, monday('09:00'));
    const service = harness.service as SlaClockService;
    const clock = harness.clock;
    await signAcmeContract(harness.store);
    const events = [
      tickets.received('C', 'P1', monday('09:00')),
      tickets.received('B', 'P2', monday('09:00')),
      tickets.received('D', 'P2', monday('09:00')),
      tickets.received('E', 'P1', monday('09:00'), { contractId: null }),
      tickets.customerAsked('D', monday('09:30')),
      tickets.received('F', 'P1', monday('09:30')),
      tickets.received('A', 'P1', monday('10:15')),
    ];
    for (const event of events) {
      await advanceThrough(clock, service, Date.parse(event.at));
      await appendTo(harness.store, streams.ticket(event.ticketId), event);
    }
    await advanceThrough(clock, service, monday('11:00'));
    return harness;
  }

  it('lists open tickets by their next deadline, with the share consumed, paused ones aside', async () => {
    const { app } = await hotlineAt11();
    const response = await app.inject({ method: 'GET', url: '/sla/at-risk' });
    expect(response.statusCode).toBe(200);
    const lines = response
      .json()
      .tickets.map(
        (each: Record<string, unknown>) =>
          `${each.ticketId} ${each.target} ${each.priority} ${each.dueAt} ${each.percent}%`,
      );
    expect(lines).toEqual([
      'A takeCharge P1 2026-09-14T09:15:00.000Z 75%',
      'B takeCharge P2 2026-09-14T12:00:00.000Z 50%',
      'C workaround P1 2026-09-14T12:00:00.000Z 50%',
      'F workaround P1 2026-09-14T12:30:00.000Z 37.5%',
    ]);
    expect(response.json().tickets[0]).toMatchObject({ clientId: 'ACME', contractId: 'ACME-M', remainingMinutes: 15 });
    // At 11:00 on a Monday the clocks count, until the lunch break: a countdown ticks until then.
    expect(response.json().tickets[1]).toMatchObject({
      runningNow: true,
      runningChangesAt: '2026-09-14T10:30:00.000Z',
    });
    const filtered = await app.inject({ method: 'GET', url: '/sla/at-risk?minPercent=60&limit=10' });
    expect(filtered.json().tickets.map((each: { ticketId: string }) => each.ticketId)).toEqual(['A']);
  });

  it('lists the breached ones, the longest overdue first', async () => {
    const { app } = await hotlineAt11();
    const response = await app.inject({ method: 'GET', url: '/sla/breached?limit=5' });
    expect(response.json()).toEqual({
      asOf: '2026-09-14T09:00:00.000Z',
      tickets: [
        expect.objectContaining({
          ticketId: 'C',
          target: 'takeCharge',
          overdueMinutes: 60,
          breachedTargets: ['takeCharge'],
        }),
        expect.objectContaining({ ticketId: 'F', target: 'takeCharge', overdueMinutes: 30, percent: 150 }),
      ],
    });
  });

  it('refuses a limit out of range with a problem naming the field', async () => {
    const { app } = await hotlineAt11();
    const response = await app.inject({ method: 'GET', url: '/sla/at-risk?limit=0' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('limit');
  });
});

describe("the lists carry every target of a ticket, as the ticket's own view gives them", () => {
  const day = (date: string, time: string) => Date.parse(`2026-09-${date}T${time}:00+02:00`);
  type Listed = { ticketId: string; target: string; targets: Record<string, unknown>[] } & Record<string, unknown>;
  type List = { asOf: string; tickets: Listed[] };

  /** Both lists, and each listed ticket's view, read at one instant of the virtual clock. */
  async function readAt(instant: number) {
    const { app, clock, service } = harness!;
    await advanceThrough(clock, service as SlaClockService, instant);
    const get = async <T>(url: string) => (await app.inject({ method: 'GET', url })).json() as T;
    const lists = [await get<List>('/sla/at-risk'), await get<List>('/sla/breached')];
    const listed = lists.flatMap((list) => list.tickets.map((ticket) => ({ asOf: list.asOf, ticket })));
    const views = await Promise.all(
      listed.map(({ ticket }) =>
        get<{ asOf: string; targets: Record<string, unknown>[] }>(`/tickets/${ticket.ticketId}/sla`),
      ),
    );
    return { listed, views };
  }

  it('at each instant of a day: met, running and breached targets, after a pause and a requalification', async () => {
    harness = await serviceHarness(createSlaClockService, day('14', '09:00'));
    const service = harness.service as SlaClockService;
    await signAcmeContract(harness.store);
    const events = [
      tickets.received('P1-RUNNING', 'P1', day('14', '09:00')),
      tickets.received('P2-TAKEN', 'P2', day('14', '09:00')),
      tickets.received('P3-REQUALIFIED', 'P3', day('14', '09:00')),
      tickets.received('P2-WAITED', 'P2', day('14', '09:00')),
      tickets.customerAsked('P2-WAITED', day('14', '09:30')),
      tickets.takenCharge('P2-TAKEN', day('14', '10:00')),
      tickets.customerReplied('P2-WAITED', day('14', '10:30')),
      tickets.workaround('P1-RUNNING', day('14', '10:45')),
      // Worked example 4: the P1 take-charge was due at 10:00, breached the moment it applies.
      tickets.requalified('P3-REQUALIFIED', day('14', '11:00'), 'P1'),
    ];
    for (const event of events) {
      await advanceThrough(harness.clock, service, Date.parse(event.at));
      await appendTo(harness.store, streams.ticket(event.ticketId), event);
    }

    const seen = { statuses: new Set<unknown>(), running: new Set<unknown>(), compared: 0 };
    // Within hours, the lunch break, after hours, the next morning: the countdown fields differ.
    for (const instant of [day('14', '11:15'), day('14', '12:45'), day('14', '18:30'), day('15', '10:00')]) {
      const { listed, views } = await readAt(instant);
      expect(listed.length).toBeGreaterThan(0);
      listed.forEach(({ asOf, ticket }, index) => {
        const view = views[index]!;
        expect(asOf).toBe(view.asOf);
        expect(ticket.targets).toEqual(view.targets);
        // The fields of the listed target stay, for the clients written before the targets.
        const own = ticket.targets.find((each) => each.target === ticket.target)!;
        const { dueAt, percent, priority, runningNow, runningChangesAt } = own;
        expect(ticket).toMatchObject({ dueAt, percent, priority, runningNow, runningChangesAt });
        if ('remainingMinutes' in ticket) expect(ticket.remainingMinutes).toBe(own.remainingMinutes);
        for (const target of ticket.targets) {
          seen.statuses.add(target.status);
          seen.running.add(target.runningNow);
        }
        seen.compared += 1;
      });
    }
    expect([...seen.statuses].sort()).toEqual(['breached', 'met', 'running']);
    expect([...seen.running].sort()).toEqual([false, true]);
    expect(seen.compared).toBeGreaterThanOrEqual(12);
  });
});
