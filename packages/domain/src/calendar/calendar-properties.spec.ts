import Holidays from 'date-holidays';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { type BusinessCalendar, businessCalendar, continuousCalendar } from './business-calendar.ts';
import type { Interval } from './interval.ts';
import { ALL_DAY_EVERY_DAY, DAY, HOUR } from './paris-time.fixture.ts';

const RUNS = { numRuns: 300 };
const FROM = Date.UTC(2024, 0, 1);
const UNTIL = Date.UTC(2030, 0, 1);
const BUSINESS_YEAR = 254 * 8 * HOUR;

const standard = businessCalendar();
const calendars: Record<string, BusinessCalendar> = {
  standard,
  'Alsace-Moselle': businessCalendar({ holidays: { country: 'FR', region: '67' }, closures: ['2026-08-14'] }),
  '24/7 schedule': businessCalendar({ weeklySchedule: ALL_DAY_EVERY_DAY, holidays: null }),
  'night shifts in New York': businessCalendar({
    timeZone: 'America/New_York',
    weeklySchedule: [
      ...[1, 2, 3, 4, 5].flatMap((weekday) => [
        { weekday, opens: '00:00', closes: '06:00' },
        { weekday, opens: '20:00', closes: '24:00' },
      ]),
      { weekday: 6, opens: '01:30', closes: '02:45' },
    ],
    holidays: { country: 'US' },
  }),
  continuous: continuousCalendar(),
};

const calendar = fc.constantFrom(...Object.keys(calendars)).map((name) => calendars[name]!);
const instant = fc.integer({ min: FROM, max: UNTIL });
const duration = fc.integer({ min: 0, max: BUSINESS_YEAR });
/** Pauses near a start: before it, across it, far after it; one in eight never ends. */
const pausesNear = (start: number) =>
  fc.array(
    fc
      .record({
        offset: fc.integer({ min: -30 * DAY, max: 400 * DAY }),
        length: fc.integer({ min: 1, max: 120 * DAY }),
        endless: fc.integer({ min: 0, max: 7 }).map((n) => n === 0),
      })
      .map(({ offset, length, endless }) => ({
        start: start + offset,
        end: endless ? Number.POSITIVE_INFINITY : start + offset + length,
      })),
    { maxLength: 3 },
  );
const clock = fc
  .tuple(calendar, instant)
  .chain(([cal, start]) => fc.record({ cal: fc.constant(cal), start: fc.constant(start), pauses: pausesNear(start) }));

function endlessStart(pauses: readonly Interval[]): number {
  return Math.min(...pauses.filter((p) => p.end === Number.POSITIVE_INFINITY).map((p) => p.start));
}

describe('calendar properties', () => {
  it('measures exactly the duration between a start and its due instant', () => {
    fc.assert(
      fc.property(clock, duration, ({ cal, start, pauses }, d) => {
        const due = cal.add(start, d, pauses);
        if (due === Number.POSITIVE_INFINITY) {
          expect(cal.measure(start, Math.max(start, endlessStart(pauses)), pauses)).toBeLessThan(d);
        } else {
          expect(cal.measure(start, due, pauses)).toBe(d);
        }
      }),
      RUNS,
    );
  });

  it('reaches a positive duration at its due instant and not a millisecond before', () => {
    fc.assert(
      fc.property(clock, fc.integer({ min: 1, max: BUSINESS_YEAR }), ({ cal, start, pauses }, d) => {
        const due = cal.add(start, d, pauses);
        fc.pre(Number.isFinite(due));
        expect(cal.measure(due - 1, due, pauses)).toBe(1);
      }),
      RUNS,
    );
  });

  it('never gives an earlier due instant for a longer duration', () => {
    fc.assert(
      fc.property(clock, duration, duration, ({ cal, start, pauses }, d1, d2) => {
        const [shorter, longer] = d1 <= d2 ? [d1, d2] : [d2, d1];
        expect(cal.add(start, shorter, pauses)).toBeLessThanOrEqual(cal.add(start, longer, pauses));
      }),
      RUNS,
    );
  });

  it('never gives an earlier due instant for a later start', () => {
    fc.assert(
      fc.property(clock, fc.integer({ min: 0, max: 60 * DAY }), duration, ({ cal, start, pauses }, delay, d) => {
        expect(cal.add(start, d, pauses)).toBeLessThanOrEqual(cal.add(start + delay, d, pauses));
      }),
      RUNS,
    );
  });

  it('adds up the time measured over consecutive spans', () => {
    fc.assert(
      fc.property(clock, instant, instant, ({ cal, start, pauses }, x, y) => {
        const [a, b, c] = [start, x, y].sort((p, q) => p - q) as [number, number, number];
        expect(cal.measure(a, c, pauses)).toBe(cal.measure(a, b, pauses) + cal.measure(b, c, pauses));
      }),
      RUNS,
    );
  });

  it('never counts time inside a pause', () => {
    fc.assert(
      fc.property(
        clock,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (c, u, v) => {
          const pause = c.pauses[0];
          fc.pre(pause !== undefined && Number.isFinite(pause.end));
          const length = pause!.end - pause!.start;
          const [a, b] = [pause!.start + Math.floor(u * length), pause!.start + Math.floor(v * length)].sort(
            (p, q) => p - q,
          );
          expect(c.cal.measure(a!, b!, c.pauses)).toBe(0);
        },
      ),
      RUNS,
    );
  });

  it('counts a 24/7 weekly schedule like the continuous calendar across DST changes and midnights', () => {
    const allDay = calendars['24/7 schedule']!;
    const dstChanges = ['2024-03-31', '2024-10-27', '2025-03-30', '2025-10-26', '2026-03-29', '2026-10-25'];
    const nearChange = fc
      .tuple(fc.constantFrom(...dstChanges), fc.integer({ min: -6 * HOUR, max: 6 * HOUR }))
      .map(([date, offset]) => Date.parse(`${date}T01:00:00Z`) + offset);
    fc.assert(
      fc.property(
        fc.oneof(nearChange, instant),
        fc.integer({ min: 0, max: 60 * DAY }),
        fc.integer({ min: 0, max: 7 * DAY }),
        (start, d, span) => {
          const continuous = continuousCalendar();
          expect(allDay.add(start, d)).toBe(continuous.add(start, d));
          expect(allDay.measure(start, start + span)).toBe(span);
          expect(allDay.isOpen(start)).toBe(true);
        },
      ),
      RUNS,
    );
  });
});

describe('standard calendar properties', () => {
  const frenchHolidays = [2024, 2025, 2026, 2027, 2028, 2029].flatMap((year) =>
    new Holidays('FR')
      .getHolidays(year)
      .filter((holiday) => holiday.type === 'public')
      .map((holiday) => holiday.date.slice(0, 10)),
  );
  const localDate = fc
    .integer({ min: 0, max: 6 * 365 })
    .map((n) => DateTime.fromObject({ year: 2024 }, { zone: 'Europe/Paris' }).plus({ days: n }));

  it('is never open on a public holiday', () => {
    fc.assert(
      fc.property(fc.constantFrom(...frenchHolidays), fc.integer({ min: 0, max: DAY - 1 }), (date, offset) => {
        const midnight = DateTime.fromISO(date, { zone: 'Europe/Paris' }).toMillis();
        expect(standard.isOpen(midnight + offset)).toBe(false);
      }),
      RUNS,
    );
  });

  it('is never open during the lunch break', () => {
    fc.assert(
      fc.property(localDate, fc.integer({ min: 0, max: HOUR - 1 }), (date, offset) => {
        const lunch = date.set({ hour: 12, minute: 30 }).toMillis();
        expect(standard.isOpen(lunch + offset)).toBe(false);
      }),
      RUNS,
    );
  });

  it('counts 8 hours on a weekday that is not a holiday, and nothing on other days', () => {
    fc.assert(
      fc.property(localDate, (date) => {
        const working = date.weekday <= 5 && !frenchHolidays.includes(date.toISODate() ?? '');
        const counted = standard.measure(date.toMillis(), date.plus({ days: 1 }).toMillis());
        expect(counted).toBe(working ? 8 * HOUR : 0);
      }),
      RUNS,
    );
  });

  it('lists open intervals that hold exactly the measured time', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 90 * DAY }), (from, span) => {
        const intervals = standard.openIntervals(from, from + span);
        const total = intervals.reduce((sum, { start, end }) => sum + end - start, 0);
        expect(total).toBe(standard.measure(from, from + span));
        expect(intervals.every(({ start }) => standard.isOpen(start))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
