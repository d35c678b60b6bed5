import { z } from 'zod';

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;
const CLOSING_TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const WEEKDAYS = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Minutes since local midnight of an 'HH:mm' time ('24:00' is the next midnight). */
export function minutesOfDay(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/**
 * Zod runs refinements even when some fields failed, so the cross-field checks only
 * look at windows whose fields are all valid; the others already have their issue.
 */
function isWellFormed(window: ServiceWindow | null | undefined): window is ServiceWindow {
  return (
    typeof window === 'object' &&
    window !== null &&
    Number.isInteger(window.weekday) &&
    window.weekday >= 1 &&
    window.weekday <= 7 &&
    TIME_OF_DAY.test(window.opens) &&
    CLOSING_TIME.test(window.closes)
  );
}

/** One span of service hours on one ISO weekday (1 = Monday … 7 = Sunday), local time. */
export const ServiceWindow = z
  .strictObject({
    weekday: z.int({ error: 'weekday must be an integer, 1 (Monday) to 7 (Sunday)' }).min(1).max(7),
    opens: z.string().regex(TIME_OF_DAY, { error: 'opens must be a time of day HH:mm, from 00:00 to 23:59' }),
    closes: z.string().regex(CLOSING_TIME, { error: 'closes must be a time of day HH:mm, from 00:01 to 24:00' }),
  })
  .superRefine((window, ctx) => {
    if (!isWellFormed(window)) return;
    if (minutesOfDay(window.closes) <= minutesOfDay(window.opens)) {
      ctx.addIssue({
        code: 'custom',
        path: ['closes'],
        message: `closes (${window.closes}) must be after opens (${window.opens})`,
      });
    }
  });
export type ServiceWindow = z.infer<typeof ServiceWindow>;

/** DOMAIN.md: Monday to Friday, 09:00–12:30 and 13:30–18:00. */
export const STANDARD_WEEKLY_SCHEDULE: readonly ServiceWindow[] = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, opens: '09:00', closes: '12:30' },
  { weekday, opens: '13:30', closes: '18:00' },
]);

export const WeeklySchedule = z
  .array(ServiceWindow)
  .min(1, { error: 'weeklySchedule needs at least one service window' })
  .superRefine((windows, ctx) => {
    const valid = windows
      .map((window, index) => ({ window, index }))
      .filter(({ window }) => isWellFormed(window))
      .sort(
        (a, b) => a.window.weekday - b.window.weekday || minutesOfDay(a.window.opens) - minutesOfDay(b.window.opens),
      );
    // Compared with the window that reaches latest so far, not just the previous one,
    // so that a long window overlapping several short ones is reported for each.
    let latest: (typeof valid)[number] | undefined;
    for (const current of valid) {
      if (latest === undefined || latest.window.weekday !== current.window.weekday) {
        latest = current;
        continue;
      }
      if (minutesOfDay(current.window.opens) < minutesOfDay(latest.window.closes)) {
        const day = WEEKDAYS[current.window.weekday] ?? `weekday ${current.window.weekday}`;
        ctx.addIssue({
          code: 'custom',
          path: [current.index, 'opens'],
          message:
            `${day} ${current.window.opens}–${current.window.closes} overlaps ` +
            `${latest.window.opens}–${latest.window.closes} (weeklySchedule[${latest.index}])`,
        });
      }
      if (minutesOfDay(current.window.closes) > minutesOfDay(latest.window.closes)) latest = current;
    }
  });

/** Open minutes of each ISO weekday (index 1 to 7), sorted, touching windows merged. */
export type DailyWindows = readonly (readonly (readonly [opens: number, closes: number])[])[];

export function dailyWindows(schedule: readonly ServiceWindow[]): DailyWindows {
  const days: [number, number][][] = Array.from({ length: 8 }, () => []);
  const sorted = [...schedule].sort((a, b) => minutesOfDay(a.opens) - minutesOfDay(b.opens));
  for (const window of sorted) {
    const day = days[window.weekday]!;
    const opens = minutesOfDay(window.opens);
    const closes = minutesOfDay(window.closes);
    const last = day.at(-1);
    if (last !== undefined && opens <= last[1]) last[1] = Math.max(last[1], closes);
    else day.push([opens, closes]);
  }
  return days;
}
