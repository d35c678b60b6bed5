export { type BusinessCalendar, businessCalendar, continuousCalendar } from './business-calendar.ts';
export { CalendarDefinition, type CalendarDefinitionInput } from './calendar-definition.ts';
export { type Interval, normalizePauses } from './interval.ts';
export { localDateOf, sameDayInYear, startOfLocalDate } from './local-dates.ts';
export { ServiceWindow, STANDARD_WEEKLY_SCHEDULE } from './weekly-schedule.ts';
