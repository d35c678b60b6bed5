import {
  type BusinessCalendar,
  businessCalendar,
  type CalendarDefinition,
  type ContractTerms,
  continuousCalendar,
  DAY_MS,
  type Interval,
  type TargetClock,
} from '@hotline/domain';

/** Whether a target's clock counts at an instant, and when the calendar alone changes that. */
export interface RunningClock {
  /** Counting now: running (not paused, met, breached or void), and inside the counted time of its basis. */
  readonly runningNow: boolean;
  /** The next instant the calendar flips `runningNow` (closing, opening, a holiday's end); null when it never does by itself. */
  readonly runningChangesAt: number | null;
}

const notRunning: RunningClock = { runningNow: false, runningChangesAt: null };
// Looked ahead a fortnight at a time (a calendar computes its open intervals per year and caches them),
// for at most a year: a calendar closed for longer than that is one that never opens.
const WINDOW_MS = 14 * DAY_MS;
const HORIZON_MS = 366 * DAY_MS;

// The domain keeps one calendar per terms (its `calendarFor`); the views only need the business one,
// kept here per definition object so that a list of a thousand tickets builds it once.
const calendars = new WeakMap<CalendarDefinition, BusinessCalendar>();

/** The calendar a target of `terms` counts on. */
export function calendarOfTarget(terms: ContractTerms, target: Pick<TargetClock, 'basis'>): BusinessCalendar {
  if (target.basis === 'calendar') return continuousCalendar();
  let calendar = calendars.get(terms.calendar);
  if (calendar === undefined) {
    calendar = businessCalendar(terms.calendar);
    calendars.set(terms.calendar, calendar);
  }
  return calendar;
}

/**
 * A target's clock at `asOf` for a countdown that ticks in service hours: it counts while the target
 * runs and the calendar is open; the calendar then stops it at the next closing (end of the day, the
 * lunch break, a holiday) and starts it again at the next opening. Events (a pause, a milestone) change
 * it too, but they are not foreseeable: the view is read again when they happen. A breach does not stop
 * the clock either: the target stays overdue, and `runningNow` says so by turning false with its status.
 */
export function runningClock(
  target: Pick<TargetClock, 'status' | 'basis'>,
  calendar: BusinessCalendar,
  asOf: number,
): RunningClock {
  if (target.status !== 'running') return notRunning;
  if (target.basis === 'calendar') return { runningNow: true, runningChangesAt: null };
  const runningNow = calendar.isOpen(asOf);
  const stretch = firstOpenStretch(calendar, asOf);
  if (stretch === null) return { runningNow, runningChangesAt: null };
  if (!runningNow) return { runningNow, runningChangesAt: stretch.start };
  return { runningNow, runningChangesAt: stretch.end >= asOf + HORIZON_MS ? null : stretch.end };
}

/**
 * The first open stretch from `from` on: open intervals that touch (a service window that runs past
 * midnight, a 24/7 schedule cut per day) make one stretch, since the clock does not stop between them.
 */
function firstOpenStretch(calendar: BusinessCalendar, from: number): Interval | null {
  let stretch: Interval | null = null;
  for (let cursor = from; cursor < from + HORIZON_MS; cursor += WINDOW_MS) {
    for (const interval of calendar.openIntervals(cursor, cursor + WINDOW_MS)) {
      if (stretch === null) stretch = interval;
      else if (interval.start <= stretch.end)
        stretch = { start: stretch.start, end: Math.max(stretch.end, interval.end) };
      else return stretch;
    }
  }
  return stretch;
}
