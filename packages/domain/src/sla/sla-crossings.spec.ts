import { describe, expect, it } from 'vitest';
import { acmeMaintenanceTerms } from '../scenarios/acme-contract.ts';
import { type ClockFact, foldClockFacts } from './clock-facts.ts';
import {
  crossingKey,
  crossingKeyOf,
  crossingName,
  crossingNameOf,
  crossingsOf,
  planCrossings,
  slaEventsFor,
} from './sla-crossings.ts';
import { evaluateSla } from './sla-evaluation.ts';

const at = (iso: string) => Date.parse(iso);
const iso = (epochMs: number) => new Date(epochMs).toISOString();
const received = (priority: 'P1' | 'P2' | 'P3', when = '2026-09-14T09:00:00+02:00'): ClockFact => ({
  kind: 'received',
  at: at(when),
  nature: 'malfunction',
  priority,
});
const evaluate = (facts: ClockFact[], now: string) => evaluateSla(foldClockFacts(facts), acmeMaintenanceTerms, at(now));
const summary = (crossing: { target: string; threshold: number; at: number }) =>
  `${crossing.target} ${crossing.threshold} ${iso(crossing.at)}`;

describe('the crossings of a ticket', () => {
  it('lists warnings at 75 % and 90 % then the breach of each target, in time order', () => {
    const crossings = crossingsOf(evaluate([received('P1')], '2026-09-14T09:00:00+02:00'));
    expect(crossings.slice(0, 3).map(summary)).toEqual([
      'takeCharge 0.75 2026-09-14T07:45:00.000Z',
      'takeCharge 0.9 2026-09-14T07:54:00.000Z',
      'takeCharge 1 2026-09-14T08:00:00.000Z',
    ]);
    expect(crossings).toHaveLength(9);
  });

  it('drops the crossings the milestone came first for, keeps those it came after', () => {
    const facts: ClockFact[] = [
      received('P1'),
      { kind: 'milestone', milestone: 'takeCharge', at: at('2026-09-14T09:50:00+02:00') },
    ];
    const takeCharge = crossingsOf(evaluate(facts, '2026-09-14T10:00:00+02:00')).filter(
      (crossing) => crossing.target === 'takeCharge',
    );
    expect(takeCharge.map(summary)).toEqual(['takeCharge 0.75 2026-09-14T07:45:00.000Z']);
  });

  it('raises nothing more for a rejected ticket', () => {
    const facts: ClockFact[] = [received('P1'), { kind: 'stopped', at: at('2026-09-14T09:10:00+02:00') }];
    expect(crossingsOf(evaluate(facts, '2026-09-14T12:00:00+02:00'))).toEqual([]);
  });
});

describe('planning the crossings', () => {
  it('waits for the first crossing, a millisecond after it: a milestone at the instant itself meets the target', () => {
    const plan = planCrossings(
      evaluate([received('P1')], '2026-09-14T09:00:00+02:00'),
      new Set(),
      at('2026-09-14T09:00:00+02:00'),
    );
    expect(plan.due).toEqual([]);
    expect(summary(plan.next!)).toBe('takeCharge 0.75 2026-09-14T07:45:00.000Z');
    expect(iso(plan.wakeAt!)).toBe('2026-09-14T07:45:00.001Z');
  });

  it('is not due at the crossing instant itself, and is one millisecond later', () => {
    const evaluation = evaluate([received('P1')], '2026-09-14T09:45:00+02:00');
    expect(planCrossings(evaluation, new Set(), at('2026-09-14T09:45:00+02:00')).due).toEqual([]);
    expect(planCrossings(evaluation, new Set(), at('2026-09-14T09:45:00.001+02:00')).due).toHaveLength(1);
  });

  it('worked example 4: a requalification to P1 makes three crossings past at once, to raise late', () => {
    const facts: ClockFact[] = [
      received('P3'),
      { kind: 'requalified', at: at('2026-09-14T11:00:00+02:00'), priority: 'P1' },
    ];
    const plan = planCrossings(
      evaluate(facts, '2026-09-14T11:00:00+02:00'),
      new Set(),
      at('2026-09-14T11:00:00+02:00'),
    );
    expect(plan.due.map(summary)).toEqual([
      'takeCharge 0.75 2026-09-14T07:45:00.000Z',
      'takeCharge 0.9 2026-09-14T07:54:00.000Z',
      'takeCharge 1 2026-09-14T08:00:00.000Z',
    ]);
    expect(plan.due.every((crossing) => crossing.priority === 'P1')).toBe(true);
    expect(iso(plan.wakeAt!)).toBe('2026-09-14T07:45:00.001Z');
  });

  it('skips what was raised, by key', () => {
    const evaluation = evaluate([received('P1')], '2026-09-14T09:55:00+02:00');
    const [first, second] = crossingsOf(evaluation);
    const raised = new Set([crossingKey(first!), crossingKey(second!)]);
    const plan = planCrossings(evaluation, raised, at('2026-09-14T09:55:00+02:00'));
    expect(plan.due).toEqual([]);
    expect(summary(plan.next!)).toBe('takeCharge 1 2026-09-14T08:00:00.000Z');
  });

  it('has nothing to wait for while the clock is paused before a crossing', () => {
    const facts: ClockFact[] = [received('P2'), { kind: 'paused', at: at('2026-09-14T09:30:00+02:00') }];
    const plan = planCrossings(
      evaluate(facts, '2026-09-14T10:00:00+02:00'),
      new Set(),
      at('2026-09-14T10:00:00+02:00'),
    );
    expect(plan).toEqual({ due: [], next: null, wakeAt: null });
  });
});

describe('the SLA facts of crossings', () => {
  it('records the crossing instant and the raising instant, and names the crossing back from the event', () => {
    const [warning, , breach] = crossingsOf(evaluate([received('P1')], '2026-09-14T09:00:00+02:00'));
    const raisedAt = at('2026-09-14T11:00:00+02:00');
    const events = slaEventsFor('WE-4', 'ACME-M', [warning!, breach!], raisedAt, 'sla-clock');
    expect(events).toEqual([
      {
        type: 'SlaWarningRaised',
        schemaVersion: 1,
        ticketId: 'WE-4',
        contractId: 'ACME-M',
        target: 'takeCharge',
        nature: 'malfunction',
        priority: 'P1',
        threshold: 0.75,
        dueAt: '2026-09-14T07:45:00.000Z',
        by: 'sla-clock',
        at: '2026-09-14T09:00:00.000Z',
      },
      expect.objectContaining({
        type: 'SlaBreached',
        dueAt: '2026-09-14T08:00:00.000Z',
        at: '2026-09-14T09:00:00.000Z',
      }),
    ]);
    expect(events.map(crossingNameOf)).toEqual([crossingName('WE-4', warning!), crossingName('WE-4', breach!)]);
    expect(crossingName('WE-4', breach!)).toBe('sla/WE-4/takeCharge/1/2026-09-14T08:00:00.000Z');
    expect(events.map(crossingKeyOf)).toEqual([crossingKey(warning!), crossingKey(breach!)]);
  });
});
