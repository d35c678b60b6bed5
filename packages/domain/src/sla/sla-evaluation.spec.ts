import { describe, expect, it } from 'vitest';
import { acmeHelplineTerms, acmeMaintenanceTerms } from '../scenarios/acme-contract.ts';
import { type ClockFact, foldClockFacts } from './clock-facts.ts';
import { evaluateSla, nextCrossing, nextOverrunDayAt, overrunDaysOf, type SlaEvaluation } from './sla-evaluation.ts';

/** Paris wall time, with its offset spelled out so each example reads as DOMAIN.md writes it. */
const at = (iso: string) => Date.parse(iso);
const iso = (epochMs: number | null) => (epochMs === null ? null : new Date(epochMs).toISOString());

function target(evaluation: SlaEvaluation, name: 'takeCharge' | 'workaround' | 'resolution') {
  const found = evaluation.targets.find((each) => each.target === name);
  if (found === undefined) throw new Error(`no ${name} target`);
  return { ...found, dueAt: iso(found.dueAt), reachedAt: iso(found.reachedAt) };
}

describe('SLA evaluation from clock facts', () => {
  it('worked example 1: P2 across a holiday, a customer pause and Ascension', () => {
    const facts: ClockFact[] = [
      { kind: 'received', at: at('2026-05-07T16:00:00+02:00'), nature: 'malfunction', priority: 'P2' },
      { kind: 'milestone', milestone: 'takeCharge', at: at('2026-05-11T10:15:00+02:00') },
      { kind: 'paused', at: at('2026-05-12T10:00:00+02:00') },
      { kind: 'resumed', at: at('2026-05-13T14:00:00+02:00') },
      { kind: 'milestone', milestone: 'workaround', at: at('2026-05-15T11:30:00+02:00') },
      { kind: 'resolved', at: at('2026-05-26T15:00:00+02:00') },
    ];
    const sla = evaluateSla(foldClockFacts(facts), acmeMaintenanceTerms, at('2026-06-01T00:00:00+02:00'));
    expect(target(sla, 'takeCharge')).toMatchObject({ dueAt: '2026-05-11T09:00:00.000Z', status: 'met' });
    expect(target(sla, 'workaround')).toMatchObject({ dueAt: '2026-05-15T08:00:00.000Z', status: 'breached' });
    expect(target(sla, 'resolution')).toMatchObject({ dueAt: '2026-05-20T08:00:00.000Z', status: 'breached' });
    expect(sla.overrunDays).toBe(7);
    expect(sla.withinDeadlines).toBe(false);
  });

  it('worked example 2: P1 received the night clocks go forward', () => {
    const facts: ClockFact[] = [
      { kind: 'received', at: at('2026-03-29T01:45:00+01:00'), nature: 'malfunction', priority: 'P1' },
      { kind: 'milestone', milestone: 'takeCharge', at: at('2026-03-29T03:30:00+02:00') },
      { kind: 'milestone', milestone: 'workaround', at: at('2026-03-30T13:45:00+02:00') },
      { kind: 'resolved', at: at('2026-04-01T09:30:00+02:00') },
    ];
    const sla = evaluateSla(foldClockFacts(facts), acmeMaintenanceTerms, at('2026-04-02T00:00:00+02:00'));
    expect(target(sla, 'takeCharge')).toMatchObject({ dueAt: '2026-03-29T01:45:00.000Z', status: 'met' });
    expect(target(sla, 'workaround')).toMatchObject({ dueAt: '2026-03-30T12:00:00.000Z', status: 'met' });
    expect(target(sla, 'resolution')).toMatchObject({ dueAt: '2026-03-31T16:00:00.000Z', status: 'breached' });
    expect(sla.overrunMs).toBe(15.5 * 3_600_000);
    expect(sla.overrunDays).toBe(1);
  });

  it('worked example 3: a reopened request resolved again exactly when due is within deadlines', () => {
    const facts: ClockFact[] = [
      { kind: 'received', at: at('2026-06-01T09:00:00+02:00'), nature: 'functional', priority: 'P3' },
      { kind: 'milestone', milestone: 'takeCharge', at: at('2026-06-01T11:00:00+02:00') },
      { kind: 'resolved', at: at('2026-06-02T10:00:00+02:00') },
      { kind: 'reopened', at: at('2026-06-04T09:00:00+02:00') },
      { kind: 'resolved', at: at('2026-06-05T17:00:00+02:00') },
    ];
    const sla = evaluateSla(foldClockFacts(facts), acmeHelplineTerms, at('2026-06-10T00:00:00+02:00'));
    expect(target(sla, 'resolution')).toMatchObject({
      dueAt: '2026-06-05T15:00:00.000Z',
      reachedAt: '2026-06-05T15:00:00.000Z',
      status: 'met',
    });
    expect(sla.overrunMs).toBe(0);
    expect(sla.withinDeadlines).toBe(true);
  });

  it('worked example 4: a requalification to P1 applies P1 take-charge from reception', () => {
    const facts: ClockFact[] = [
      { kind: 'received', at: at('2026-09-14T09:00:00+02:00'), nature: 'malfunction', priority: 'P3' },
      { kind: 'requalified', at: at('2026-09-14T11:00:00+02:00'), priority: 'P1' },
    ];
    const sla = evaluateSla(foldClockFacts(facts), acmeMaintenanceTerms, at('2026-09-14T11:00:00+02:00'));
    expect(target(sla, 'takeCharge')).toMatchObject({
      priority: 'P1',
      dueAt: '2026-09-14T08:00:00.000Z',
      status: 'breached',
    });
  });

  it('keeps the verdict of a milestone reached before a requalification', () => {
    const facts: ClockFact[] = [
      { kind: 'received', at: at('2026-09-14T09:00:00+02:00'), nature: 'malfunction', priority: 'P3' },
      { kind: 'milestone', milestone: 'takeCharge', at: at('2026-09-14T12:00:00+02:00') },
      { kind: 'requalified', at: at('2026-09-14T14:00:00+02:00'), priority: 'P1' },
    ];
    const sla = evaluateSla(foldClockFacts(facts), acmeMaintenanceTerms, at('2026-09-14T15:00:00+02:00'));
    expect(target(sla, 'takeCharge')).toMatchObject({ priority: 'P3', status: 'met' });
    expect(target(sla, 'resolution')).toMatchObject({ priority: 'P1', status: 'running' });
    expect(target(sla, 'workaround')).toMatchObject({ priority: 'P1' });
  });

  it('has no due instant while paused before the duration is reached, and counts nothing meanwhile', () => {
    const facts: ClockFact[] = [
      { kind: 'received', at: at('2026-05-11T09:00:00+02:00'), nature: 'malfunction', priority: 'P2' },
      { kind: 'paused', at: at('2026-05-11T10:00:00+02:00') },
    ];
    const sla = evaluateSla(foldClockFacts(facts), acmeMaintenanceTerms, at('2026-05-20T10:00:00+02:00'));
    expect(sla.paused).toBe(true);
    expect(target(sla, 'takeCharge')).toMatchObject({ dueAt: null, status: 'paused', countedMs: 3_600_000 });
    expect(sla.overrunMs).toBe(0);
  });

  it('meets the workaround target with the permanent fix itself', () => {
    const facts: ClockFact[] = [
      { kind: 'received', at: at('2026-05-11T09:00:00+02:00'), nature: 'malfunction', priority: 'P1' },
      { kind: 'milestone', milestone: 'takeCharge', at: at('2026-05-11T09:30:00+02:00') },
      { kind: 'resolved', at: at('2026-05-11T11:00:00+02:00') },
    ];
    const sla = evaluateSla(foldClockFacts(facts), acmeMaintenanceTerms, at('2026-05-12T10:00:00+02:00'));
    expect(target(sla, 'workaround')).toMatchObject({ status: 'met', reachedAt: '2026-05-11T09:00:00.000Z' });
    expect(sla.withinDeadlines).toBe(true);
  });

  it('lists warning and breach crossings, dropping those after the milestone', () => {
    const received = at('2026-05-11T09:00:00+02:00');
    const facts: ClockFact[] = [{ kind: 'received', at: received, nature: 'malfunction', priority: 'P1' }];
    const open = target(evaluateSla(foldClockFacts(facts), acmeMaintenanceTerms, received), 'takeCharge');
    expect(open.crossings).toEqual([
      { threshold: 0.75, at: received + 45 * 60_000 },
      { threshold: 0.9, at: received + 54 * 60_000 },
      { threshold: 1, at: received + 60 * 60_000 },
    ]);
    const taken = [...facts, { kind: 'milestone', milestone: 'takeCharge', at: received + 50 * 60_000 } as const];
    const met = target(
      evaluateSla(foldClockFacts(taken), acmeMaintenanceTerms, received + 2 * 3_600_000),
      'takeCharge',
    );
    expect(met.crossings.map((crossing) => crossing.at)).toEqual([received + 45 * 60_000, null, null]);
  });

  it('voids unreached targets of a cancelled ticket and has no targets without terms', () => {
    const facts: ClockFact[] = [
      { kind: 'received', at: at('2026-05-11T09:00:00+02:00'), nature: 'malfunction', priority: 'P3' },
      { kind: 'stopped', at: at('2026-05-11T10:00:00+02:00') },
    ];
    const sla = evaluateSla(foldClockFacts(facts), acmeMaintenanceTerms, at('2026-06-11T10:00:00+02:00'));
    expect(sla.targets.map((each) => each.status)).toEqual(['void', 'void']);
    expect(evaluateSla(foldClockFacts(facts), null, at('2026-06-11T10:00:00+02:00')).targets).toEqual([]);
  });

  it('tells the next warning or breach ahead, for the timers', () => {
    const received = at('2026-05-11T09:00:00+02:00');
    const facts: ClockFact[] = [{ kind: 'received', at: received, nature: 'malfunction', priority: 'P1' }];
    const sla = evaluateSla(foldClockFacts(facts), acmeMaintenanceTerms, received);
    expect(nextCrossing(sla, received)).toEqual({ target: 'takeCharge', threshold: 0.75, at: received + 45 * 60_000 });
    expect(nextCrossing(sla, received + 45 * 60_000)).toMatchObject({ target: 'takeCharge', threshold: 0.9 });
    // After the take-charge breach at 10:00, the workaround's 75% comes at 12:00 (3 h of service).
    expect(nextCrossing(sla, received + 60 * 60_000)).toMatchObject({
      target: 'workaround',
      threshold: 0.75,
      at: at('2026-05-11T12:00:00+02:00'),
    });
    const paused = evaluateSla(
      foldClockFacts([...facts, { kind: 'paused', at: received + 10 * 60_000 }]),
      acmeMaintenanceTerms,
      received + 20 * 60_000,
    );
    expect(nextCrossing(paused, received + 20 * 60_000)).toBeNull();
  });
});

describe('the next overrun day', () => {
  const dueAt = Date.parse('2026-05-11T10:00:00Z');
  it('is 1 ms after each whole day late: the instant overrunDaysOf counts one more', () => {
    const next = nextOverrunDayAt(dueAt, 3);
    expect(overrunDaysOf(next - 1 - dueAt)).toBe(3);
    expect(overrunDaysOf(next - dueAt)).toBe(4);
    expect(nextOverrunDayAt(dueAt, 0)).toBe(dueAt + 1);
  });
});
