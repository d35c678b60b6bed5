import { acmeMaintenanceTerms, ContractTerms, type TargetStatus } from '@hotline/domain';
import { describe, expect, it } from 'vitest';
import { calendarOfTarget, runningClock } from './running-clock.ts';

const at = (wall: string) => Date.parse(wall);
const iso = (epochMs: number | null) => (epochMs === null ? null : new Date(epochMs).toISOString());
const business = { basis: 'business' as const };
const calendar = calendarOfTarget(acmeMaintenanceTerms, business);

/** A running P2 target on the standard calendar (Mon–Fri 09:00–12:30, 13:30–18:00, French holidays). */
function seenAt(wall: string, status: TargetStatus = 'running') {
  const clock = runningClock({ status, ...business }, calendar, at(wall));
  return { runningNow: clock.runningNow, runningChangesAt: iso(clock.runningChangesAt) };
}

describe("a target's running clock for a countdown in service hours", () => {
  it('after hours on a Friday: stopped until Monday opens', () => {
    expect(seenAt('2026-09-18T18:00:00+02:00')).toEqual({
      runningNow: false,
      runningChangesAt: iso(at('2026-09-21T09:00:00+02:00')),
    });
  });

  it('within hours: counting until the closing instant, the lunch break included', () => {
    expect(seenAt('2026-09-18T15:00:00+02:00')).toEqual({
      runningNow: true,
      runningChangesAt: iso(at('2026-09-18T18:00:00+02:00')),
    });
    expect(seenAt('2026-09-18T10:00:00+02:00')).toEqual({
      runningNow: true,
      runningChangesAt: iso(at('2026-09-18T12:30:00+02:00')),
    });
    expect(seenAt('2026-09-18T12:45:00+02:00')).toEqual({
      runningNow: false,
      runningChangesAt: iso(at('2026-09-18T13:30:00+02:00')),
    });
  });

  it('stopped over a holiday: the eve of Ascension opens again the day after', () => {
    expect(seenAt('2026-05-13T18:30:00+02:00')).toEqual({
      runningNow: false,
      runningChangesAt: iso(at('2026-05-15T09:00:00+02:00')),
    });
  });

  it.each(['paused', 'met', 'breached', 'void'] as const)(
    'a %s target does not count, and nothing restarts it by itself',
    (status) => {
      expect(seenAt('2026-09-18T15:00:00+02:00', status)).toEqual({ runningNow: false, runningChangesAt: null });
    },
  );

  it('on the calendar basis a running target counts around the clock', () => {
    const continuous = calendarOfTarget(acmeMaintenanceTerms, { basis: 'calendar' });
    expect(runningClock({ status: 'running', basis: 'calendar' }, continuous, at('2026-09-19T03:00:00+02:00'))).toEqual(
      {
        runningNow: true,
        runningChangesAt: null,
      },
    );
  });

  it('on a business calendar open around the clock, nothing flips at midnight', () => {
    const always = ContractTerms.parse({
      ...acmeMaintenanceTerms,
      calendar: {
        holidays: { country: 'FR' },
        weeklySchedule: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '00:00', closes: '24:00' })),
      },
    });
    const open = calendarOfTarget(always, business);
    const monday = runningClock({ status: 'running', ...business }, open, at('2026-09-21T23:00:00+02:00'));
    expect(monday.runningNow).toBe(true);
    // The next flip is the next holiday (1 November), not the end of the day.
    expect(iso(monday.runningChangesAt)).toBe(iso(at('2026-11-01T00:00:00+01:00')));
  });
});
