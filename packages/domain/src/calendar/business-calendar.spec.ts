import { describe, expect, it } from 'vitest';
import { businessCalendar, continuousCalendar } from './business-calendar.ts';
import { ALL_DAY_EVERY_DAY, HOUR, inParis, MINUTE, paris } from './paris-time.fixture.ts';

const standard = businessCalendar();
const alsaceMoselle = businessCalendar({ holidays: { country: 'FR', region: '57' } });

function due(calendar: typeof standard, from: string, duration: number): string {
  return inParis(calendar.add(paris(from), duration));
}

describe('the standard business calendar (Europe/Paris, Mon–Fri 09:00–12:30 and 13:30–18:00, French holidays)', () => {
  it('skips the 8 May holiday and the weekend: Thu 16:00 plus 4 h is Mon 11:00', () => {
    expect(due(standard, '2026-05-07T16:00', 4 * HOUR)).toBe('2026-05-11T11:00:00.000');
  });

  it('skips the lunch break', () => {
    expect(due(standard, '2026-05-12T11:30', 2 * HOUR)).toBe('2026-05-12T14:30:00.000');
  });

  it('gives the closing instant, not the next opening, for a duration ending at 18:00', () => {
    expect(due(standard, '2026-05-12T14:00', 4 * HOUR)).toBe('2026-05-12T18:00:00.000');
  });

  it('gives 12:30, not 13:30, for a duration ending at the lunch break', () => {
    expect(due(standard, '2026-05-12T09:00', 3.5 * HOUR)).toBe('2026-05-12T12:30:00.000');
  });

  it('starts counting at the next opening when the clock starts while closed', () => {
    expect(due(standard, '2026-05-09T10:00', 30 * MINUTE)).toBe('2026-05-11T09:30:00.000');
  });

  it('returns the start itself for a zero duration, even while closed', () => {
    expect(standard.add(paris('2026-05-09T10:00'), 0)).toBe(paris('2026-05-09T10:00'));
  });

  it('skips Ascension (Thu 14 May 2026)', () => {
    expect(due(standard, '2026-05-13T17:00', 2 * HOUR)).toBe('2026-05-15T10:00:00.000');
  });

  it('skips Whit Monday (25 May 2026)', () => {
    expect(due(standard, '2026-05-22T17:00', 2 * HOUR)).toBe('2026-05-26T10:00:00.000');
  });

  it('does not skip Good Friday in plain France', () => {
    expect(due(standard, '2026-04-02T17:00', 2 * HOUR)).toBe('2026-04-03T10:00:00.000');
  });

  it('skips Good Friday (3 April 2026) and Easter Monday in Alsace-Moselle', () => {
    expect(due(alsaceMoselle, '2026-04-02T17:00', 2 * HOUR)).toBe('2026-04-07T10:00:00.000');
  });

  it('does not skip 26 December in plain France', () => {
    expect(due(standard, '2025-12-24T17:00', 2 * HOUR)).toBe('2025-12-26T10:00:00.000');
  });

  it('skips 26 December in Alsace-Moselle', () => {
    expect(due(alsaceMoselle, '2025-12-24T17:00', 2 * HOUR)).toBe('2025-12-29T10:00:00.000');
  });

  it('skips a closure day of the contract', () => {
    const withClosure = businessCalendar({ closures: ['2026-06-05'] });
    expect(due(withClosure, '2026-06-04T17:00', 2 * HOUR)).toBe('2026-06-08T10:00:00.000');
  });

  it('counts no public holiday when holidays are null', () => {
    const noHolidays = businessCalendar({ holidays: null });
    expect(due(noHolidays, '2026-05-07T16:00', 4 * HOUR)).toBe('2026-05-08T11:00:00.000');
  });

  it('measures 8 hours in an ordinary weekday and none on a holiday', () => {
    expect(standard.measure(paris('2026-05-12T00:00'), paris('2026-05-13T00:00'))).toBe(8 * HOUR);
    expect(standard.measure(paris('2026-05-14T00:00'), paris('2026-05-15T00:00'))).toBe(0);
  });

  it('measures 0 when the end is not after the start', () => {
    expect(standard.measure(paris('2026-05-12T15:00'), paris('2026-05-12T10:00'))).toBe(0);
  });

  it('lists the open intervals of a day', () => {
    expect(standard.openIntervals(paris('2026-05-12T00:00'), paris('2026-05-13T00:00'))).toEqual([
      { start: paris('2026-05-12T09:00'), end: paris('2026-05-12T12:30') },
      { start: paris('2026-05-12T13:30'), end: paris('2026-05-12T18:00') },
    ]);
  });

  it('is open at opening time and closed at closing time', () => {
    expect(standard.isOpen(paris('2026-05-12T09:00'))).toBe(true);
    expect(standard.isOpen(paris('2026-05-12T18:00'))).toBe(false);
  });

  it('counts years ahead without stepping: 2027 has 254 working days of 8 hours (261 weekdays, 7 holidays on them)', () => {
    expect(standard.measure(paris('2027-01-01T00:00'), paris('2028-01-01T00:00'))).toBe(254 * 8 * HOUR);
  });
});

describe('DOMAIN.md worked examples', () => {
  it('example 1: the workaround (16 h, paused Tue 10:00 to Wed 14:00) is due Fri 15 May 10:00', () => {
    const pause = { start: paris('2026-05-12T10:00'), end: paris('2026-05-13T14:00') };
    expect(inParis(standard.add(paris('2026-05-07T16:00'), 16 * HOUR, [pause]))).toBe('2026-05-15T10:00:00.000');
  });

  it('example 1: the resolution (40 h, same pause) is due Wed 20 May 10:00', () => {
    const pause = { start: paris('2026-05-12T10:00'), end: paris('2026-05-13T14:00') };
    expect(inParis(standard.add(paris('2026-05-07T16:00'), 40 * HOUR, [pause]))).toBe('2026-05-20T10:00:00.000');
  });

  it('example 2: 60 calendar minutes from Sun 29 March 01:45 CET is 03:45 CEST (01:45 UTC)', () => {
    const received = Date.parse('2026-03-29T00:45:00Z');
    expect(continuousCalendar().add(received, 60 * MINUTE)).toBe(Date.parse('2026-03-29T01:45:00Z'));
  });

  it('example 2: the workaround (4 h) is due Mon 30 March 14:00 and the resolution (16 h) Tue 18:00', () => {
    expect(due(standard, '2026-03-29T01:45', 4 * HOUR)).toBe('2026-03-30T14:00:00.000');
    expect(due(standard, '2026-03-29T01:45', 16 * HOUR)).toBe('2026-03-31T18:00:00.000');
  });

  it('example 3: 24 h from Mon 1 June 09:00, paused from Tue 10:00 to Thu 09:00, is due Fri 17:00', () => {
    const pause = { start: paris('2026-06-02T10:00'), end: paris('2026-06-04T09:00') };
    expect(inParis(standard.add(paris('2026-06-01T09:00'), 24 * HOUR, [pause]))).toBe('2026-06-05T17:00:00.000');
  });
});

describe('daylight saving time', () => {
  const allDay = businessCalendar({ weeklySchedule: ALL_DAY_EVERY_DAY, holidays: null });

  it('counts 23 hours on the night clocks go forward (Sun 29 March 2026)', () => {
    expect(allDay.measure(paris('2026-03-29T00:00'), paris('2026-03-30T00:00'))).toBe(23 * HOUR);
  });

  it('counts 25 hours on the night clocks go back (Sun 25 October 2026)', () => {
    expect(allDay.measure(paris('2026-10-25T00:00'), paris('2026-10-26T00:00'))).toBe(25 * HOUR);
  });

  it('counts a 24/7 weekly schedule like the continuous calendar across the change', () => {
    const received = Date.parse('2026-03-29T00:45:00Z');
    expect(allDay.add(received, 60 * MINUTE)).toBe(continuousCalendar().add(received, 60 * MINUTE));
  });

  it('keeps a 24/7 schedule in one piece across New Year', () => {
    expect(allDay.openIntervals(paris('2025-12-31T12:00'), paris('2026-01-01T12:00'))).toEqual([
      { start: paris('2025-12-31T12:00'), end: paris('2026-01-01T12:00') },
    ]);
  });

  it('opens at the jump when a window opens at a wall time that does not exist', () => {
    const sundayNight = businessCalendar({ weeklySchedule: [{ weekday: 7, opens: '02:30', closes: '04:00' }] });
    expect(sundayNight.measure(paris('2026-03-29T00:00'), paris('2026-03-30T00:00'))).toBe(HOUR);
  });
});

describe('calendar arguments', () => {
  it('refuses a negative duration', () => {
    expect(() => standard.add(paris('2026-05-12T10:00'), -1)).toThrow(RangeError);
  });

  it('refuses an instant that is not finite', () => {
    expect(() => standard.measure(0, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('refuses an invalid definition with the ZodError of its field', () => {
    expect(() => businessCalendar({ timeZone: 'Mars/Olympus_Mons' })).toThrow(/timeZone/);
  });
});
