import { describe, expect, it } from 'vitest';
import { businessCalendar, CalendarDefinition, continuousCalendar } from '../calendar/index.ts';
import { acmeHelplineTerms, acmeMaintenanceTerms } from '../scenarios/acme-contract.ts';
import { calendarFor } from './calendar-for-terms.ts';

const at = (iso: string) => Date.parse(iso);
// Whit Monday, a Friday evening, the small hours: open and closed instants of the standard calendar.
const instants = ['2026-05-25T10:00:00+02:00', '2026-05-22T17:59:00+02:00', '2026-05-23T03:00:00+02:00'].map(at);

describe('calendarFor', () => {
  it('gives the calendar of the definition: the same answers as one built afresh', () => {
    const definition = acmeMaintenanceTerms.calendar;
    const cached = calendarFor(definition, 'business');
    const fresh = businessCalendar(definition);
    for (const instant of instants) {
      expect(cached.isOpen(instant)).toBe(fresh.isOpen(instant));
      expect(cached.add(instant, 5 * 3_600_000)).toBe(fresh.add(instant, 5 * 3_600_000));
    }
  });

  it('serves one instance per terms object, and per content for another object alike', () => {
    const definition = acmeMaintenanceTerms.calendar;
    const first = calendarFor(definition, 'business');
    expect(calendarFor(definition, 'business')).toBe(first);
    const copy = CalendarDefinition.parse(structuredClone(definition));
    expect(copy).not.toBe(definition);
    expect(calendarFor(copy, 'business')).toBe(first);
  });

  it('tells different definitions apart', () => {
    const saturdays = CalendarDefinition.parse({ weeklySchedule: [{ weekday: 6, opens: '09:00', closes: '12:00' }] });
    const calendar = calendarFor(saturdays, 'business');
    expect(calendar).not.toBe(calendarFor(acmeMaintenanceTerms.calendar, 'business'));
    expect(calendar.isOpen(at('2026-05-23T10:00:00+02:00'))).toBe(true);
    expect(calendarFor(acmeMaintenanceTerms.calendar, 'business').isOpen(at('2026-05-23T10:00:00+02:00'))).toBe(false);
  });

  it('counts every minute on the calendar basis, whatever the definition', () => {
    expect(calendarFor(acmeHelplineTerms.calendar, 'calendar')).toBe(continuousCalendar());
  });
});
