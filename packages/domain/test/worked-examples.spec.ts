import { describe, expect, it } from 'vitest';
import { indicatorsFor } from '../src/indicators/indicators.ts';
import { civilYear } from '../src/indicators/periods.ts';
import { ticketOutcomeOf } from '../src/indicators/ticket-outcome.ts';
import { playWorkedExample, workedExamples } from '../src/scenarios/worked-examples.ts';

/** DOMAIN.md's worked examples, played from commands to the minute and to the cent. */
function played(number: number) {
  const example = workedExamples.find((each) => each.number === number)!;
  const { sla, penalty, events } = playWorkedExample(example);
  const target = (name: string) => {
    const found = sla.evaluation.targets.find((each) => each.target === name)!;
    return {
      priority: found.priority,
      status: found.status,
      dueAt: found.dueAt === null ? null : new Date(found.dueAt).toISOString(),
      reachedAt: found.reachedAt === null ? null : new Date(found.reachedAt).toISOString(),
    };
  };
  return { sla: sla.evaluation, penalty, events, target };
}

describe('worked examples of DOMAIN.md', () => {
  it('1. P2: take-charge due Mon 11:00 met, workaround due Fri 10:00 breached, resolution due Wed 20 10:00, 7 days, 336.00 EUR', () => {
    const { target, sla, penalty } = played(1);
    expect(target('takeCharge')).toEqual({
      priority: 'P2',
      status: 'met',
      dueAt: '2026-05-11T09:00:00.000Z',
      reachedAt: '2026-05-11T08:15:00.000Z',
    });
    expect(target('workaround')).toEqual({
      priority: 'P2',
      status: 'breached',
      dueAt: '2026-05-15T08:00:00.000Z',
      reachedAt: '2026-05-15T09:30:00.000Z',
    });
    expect(target('resolution')).toMatchObject({ status: 'breached', dueAt: '2026-05-20T08:00:00.000Z' });
    expect(sla.overrunDays).toBe(7);
    expect(penalty.amountCents).toBe(33_600);
    expect(sla.withinDeadlines).toBe(false);
  });

  it('2. P1 across the DST change: take-charge due 03:45 CEST met, workaround due Mon 14:00 met, resolution due Tue 18:00, 1 day, 120.00 EUR', () => {
    const { target, sla, penalty } = played(2);
    expect(target('takeCharge')).toMatchObject({ status: 'met', dueAt: '2026-03-29T01:45:00.000Z' });
    expect(target('workaround')).toMatchObject({ status: 'met', dueAt: '2026-03-30T12:00:00.000Z' });
    expect(target('resolution')).toMatchObject({ status: 'breached', dueAt: '2026-03-31T16:00:00.000Z' });
    expect(sla.overrunDays).toBe(1);
    expect(penalty.amountCents).toBe(12_000);
  });

  it('3. helpline P3 reopened: resolution due Fri 17:00 exactly when resolved again, within deadlines', () => {
    const { target, sla, penalty } = played(3);
    expect(target('takeCharge')).toMatchObject({ status: 'met' });
    expect(target('resolution')).toEqual({
      priority: 'P3',
      status: 'met',
      dueAt: '2026-06-05T15:00:00.000Z',
      reachedAt: '2026-06-05T15:00:00.000Z',
    });
    expect(sla.withinDeadlines).toBe(true);
    expect(penalty.amountCents).toBe(0);
  });

  it('4. P3 requalified P1 at 11:00 before take-charge: the P1 take-charge was due at 10:00, breached', () => {
    const { target, events } = played(4);
    expect(events.map((event) => event.type)).toEqual(['TicketReceived', 'TicketRequalified']);
    expect(target('takeCharge')).toEqual({
      priority: 'P1',
      status: 'breached',
      dueAt: '2026-09-14T08:00:00.000Z',
      reachedAt: null,
    });
  });

  it('feeds the 2026 indicators: resolved within deadlines per priority and production overrun days', () => {
    const outcomes = workedExamples.map((example) => {
      const { events, sla } = playWorkedExample(example);
      return ticketOutcomeOf(events, sla);
    });
    const indicators = indicatorsFor(civilYear(2026), outcomes, Date.parse('2026-09-14T11:00:00+02:00'));
    expect(indicators.byPriority.P1.malfunctions).toEqual({ within: 0, resolved: 1 });
    expect(indicators.byPriority.P2.malfunctions).toEqual({ within: 0, resolved: 1 });
    expect(indicators.byPriority.P3.functional).toEqual({ within: 1, resolved: 1 });
    expect(indicators.byPriority.P2.productionOverrunDays).toBe(7);
    expect(indicators.byPriority.P1.productionOverrunDays).toBe(1);
    expect(indicators.billableOutOfContract).toBe(0);
  });
});
