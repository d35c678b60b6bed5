import { describe, expect, it } from 'vitest';
import { CalendarDefinition, type CalendarDefinitionInput } from './calendar-definition.ts';
import { STANDARD_WEEKLY_SCHEDULE } from './weekly-schedule.ts';

function issuesOf(input: unknown): { path: PropertyKey[]; message: string }[] {
  const parsed = CalendarDefinition.safeParse(input);
  if (parsed.success) throw new Error('expected the definition to be rejected');
  return parsed.error.issues.map(({ path, message }) => ({ path, message }));
}

const monday = (opens: string, closes: string) => ({ weekday: 1, opens, closes });

describe('CalendarDefinition', () => {
  it('defaults to the standard calendar: Europe/Paris, French holidays, Mon–Fri 09:00–12:30 and 13:30–18:00', () => {
    expect(CalendarDefinition.parse({})).toEqual({
      timeZone: 'Europe/Paris',
      weeklySchedule: STANDARD_WEEKLY_SCHEDULE,
      holidays: { country: 'FR' },
      closures: [],
    });
  });

  it('accepts Alsace-Moselle as French region 57, 67 or 68', () => {
    for (const region of ['57', '67', '68']) {
      expect(CalendarDefinition.parse({ holidays: { region } }).holidays).toEqual({ country: 'FR', region });
    }
  });

  it('accepts a window closing at 24:00 and touching windows', () => {
    const input: CalendarDefinitionInput = { weeklySchedule: [monday('00:00', '12:00'), monday('12:00', '24:00')] };
    expect(CalendarDefinition.safeParse(input).success).toBe(true);
  });

  it('rejects an unknown time zone at timeZone', () => {
    expect(issuesOf({ timeZone: 'Europe/Atlantis' })).toEqual([
      { path: ['timeZone'], message: expect.stringContaining("timeZone 'Europe/Atlantis'") },
    ]);
  });

  it('rejects a UTC offset in place of a time zone', () => {
    expect(issuesOf({ timeZone: '+02:00' })[0]?.path).toEqual(['timeZone']);
  });

  it('rejects opens after closes at the window closes', () => {
    expect(issuesOf({ weeklySchedule: [monday('18:00', '09:00')] })).toEqual([
      { path: ['weeklySchedule', 0, 'closes'], message: 'closes (09:00) must be after opens (18:00)' },
    ]);
  });

  it('rejects an empty window, opens equal to closes', () => {
    expect(issuesOf({ weeklySchedule: [monday('09:00', '09:00')] })[0]?.path).toEqual(['weeklySchedule', 0, 'closes']);
  });

  it.each(['9:00', '25:00', '12:60', '24:00', 'noon'])('rejects the malformed opening time %s at opens', (opens) => {
    expect(issuesOf({ weeklySchedule: [monday(opens, '23:00')] })).toEqual([
      { path: ['weeklySchedule', 0, 'opens'], message: expect.stringContaining('opens must be a time of day HH:mm') },
    ]);
  });

  it('rejects a malformed closing time at closes', () => {
    expect(issuesOf({ weeklySchedule: [monday('09:00', '24:01')] })[0]?.path).toEqual(['weeklySchedule', 0, 'closes']);
  });

  it('rejects a weekday outside 1–7 at weekday', () => {
    expect(issuesOf({ weeklySchedule: [{ weekday: 0, opens: '09:00', closes: '18:00' }] })[0]?.path).toEqual([
      'weeklySchedule',
      0,
      'weekday',
    ]);
  });

  it('rejects overlapping windows at the later window, naming the one it overlaps', () => {
    expect(issuesOf({ weeklySchedule: [monday('13:00', '18:00'), monday('09:00', '14:00')] })).toEqual([
      { path: ['weeklySchedule', 0, 'opens'], message: 'Monday 13:00–18:00 overlaps 09:00–14:00 (weeklySchedule[1])' },
    ]);
  });

  it('rejects every window that a long one overlaps', () => {
    const schedule = [monday('08:00', '20:00'), monday('09:00', '10:00'), monday('11:00', '12:00')];
    expect(issuesOf({ weeklySchedule: schedule }).map((issue) => issue.path)).toEqual([
      ['weeklySchedule', 1, 'opens'],
      ['weeklySchedule', 2, 'opens'],
    ]);
  });

  it('accepts the same hours on different weekdays', () => {
    const schedule = [monday('09:00', '18:00'), { weekday: 2, opens: '09:00', closes: '18:00' }];
    expect(CalendarDefinition.safeParse({ weeklySchedule: schedule }).success).toBe(true);
  });

  it('rejects an empty weekly schedule', () => {
    expect(issuesOf({ weeklySchedule: [] })[0]?.path).toEqual(['weeklySchedule']);
  });

  it('rejects a closure that is not a calendar date at its index in closures', () => {
    expect(issuesOf({ closures: ['2026-06-05', '2026-02-30'] })).toEqual([
      { path: ['closures', 1], message: 'closures must hold dates YYYY-MM-DD' },
    ]);
  });

  it('rejects an unknown holiday country at holidays.country', () => {
    expect(issuesOf({ holidays: { country: 'XX' } })[0]?.path).toEqual(['holidays', 'country']);
  });

  it('rejects an unknown holiday region at holidays.region', () => {
    expect(issuesOf({ holidays: { country: 'FR', region: '99' } })[0]?.path).toEqual(['holidays', 'region']);
  });

  it('rejects a misspelt field instead of applying a default behind it', () => {
    expect(issuesOf({ weeklyschedule: [] })[0]).toMatchObject({ path: [] });
  });

  it('reports a non-object window at its index without failing the overlap check', () => {
    expect(issuesOf({ weeklySchedule: [null, monday('09:00', '18:00')] })[0]?.path).toEqual(['weeklySchedule', 0]);
  });
});
