import { z } from 'zod';
import { isKnownCountry, isKnownRegion } from './holiday-rules.ts';
import { STANDARD_WEEKLY_SCHEDULE, WeeklySchedule } from './weekly-schedule.ts';
import { isKnownTimeZone } from './zone-offsets.ts';

const TimeZone = z.string().superRefine((name, ctx) => {
  if (!isKnownTimeZone(name)) {
    ctx.addIssue({ code: 'custom', message: `timeZone '${name}' is not an IANA time zone such as Europe/Paris` });
  }
});

/**
 * Whose public holidays close the service. `region` is a subdivision as date-holidays
 * names it: for France, Alsace-Moselle is '57', '67' or '68' (Good Friday, 26 December).
 */
const PublicHolidays = z
  .strictObject({
    country: z.string().default('FR'),
    region: z.string().optional(),
  })
  .superRefine((where, ctx) => {
    if (!isKnownCountry(where.country)) {
      ctx.addIssue({
        code: 'custom',
        path: ['country'],
        message: `holidays.country '${where.country}' is not a country code known to date-holidays`,
      });
    } else if (where.region !== undefined && !isKnownRegion(where.country, where.region)) {
      ctx.addIssue({
        code: 'custom',
        path: ['region'],
        message: `holidays.region '${where.region}' is not a region of ${where.country} known to date-holidays`,
      });
    }
  });

/**
 * A service calendar of a contract (DOMAIN.md, "Deadlines (SLA)"): weekly service hours
 * in a time zone, minus public holidays and the contract's extra closure days.
 * Every field has the standard calendar as default, so `CalendarDefinition.parse({})`
 * is the standard calendar. Unknown fields are refused: a misspelt `weeklySchedule`
 * silently replaced by the default would move every deadline.
 */
export const CalendarDefinition = z.strictObject({
  timeZone: TimeZone.default('Europe/Paris'),
  weeklySchedule: WeeklySchedule.default(() => STANDARD_WEEKLY_SCHEDULE.map((window) => ({ ...window }))),
  /** `null`: no public holiday closes the service. */
  holidays: PublicHolidays.nullable().default(() => ({ country: 'FR' })),
  /** Extra closure days of the contract, local dates of the time zone. */
  closures: z.array(z.iso.date({ error: 'closures must hold dates YYYY-MM-DD' })).default(() => []),
});
export type CalendarDefinition = z.infer<typeof CalendarDefinition>;
/** What a caller may write: every field optional. */
export type CalendarDefinitionInput = z.input<typeof CalendarDefinition>;
