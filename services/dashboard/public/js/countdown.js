// A target's countdown between two answers of the SLA clock. The page does not know the contract's
// calendar (business hours, holidays, closure days): the SLA clock says, at `asOf`, how much counted
// time is left, whether the target's clock runs (`runningNow`) and the next instant that flips
// (`runningChangesAt`). Between answers the page only carries that forward on its own clock.

/**
 * @typedef {object} Anchor
 * @property {number} remainingMs counted time left at `asOf`, in the target's basis
 * @property {number} durationMs the target's duration
 * @property {number | null} dueAt the due instant (epoch ms), null while paused
 * @property {number} asOf the server's instant of the answer (epoch ms)
 * @property {number} readAt the page's instant of the answer (`performance.now()`)
 * @property {boolean} running whether the target's clock counts at `asOf`
 * @property {number | null} changesAt the next instant `running` flips, null when it never does
 * @property {boolean} exact whether `running` and `changesAt` came from the SLA clock (else guessed)
 */

/** Paris office hours, Monday to Friday 09:00–12:30 and 13:30–18:00: the standard calendar's. */
function inStandardServiceHours(at) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Paris',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(at));
  const part = (type) => parts.find((each) => each.type === type)?.value ?? '';
  const minutes = Number(part('hour')) * 60 + Number(part('minute'));
  const weekday = !['Sat', 'Sun'].includes(part('weekday'));
  return weekday && ((minutes >= 540 && minutes < 750) || (minutes >= 810 && minutes < 1080));
}

/**
 * The anchor of a target from the SLA clock's answer. An SLA clock that does not say `runningNow`
 * (an older release behind the dashboard in distributed mode) leaves the page to guess: a calendar
 * target always runs; a business one runs when its remaining time went down since the previous
 * answer, or on the first answer during the standard calendar's hours. That guess knows neither
 * holidays nor other schedules, and is only a fallback.
 * @param {{ status: string, basis: string, remainingMinutes: number, durationMinutes: number, dueAt: string | null,
 *   runningNow?: boolean, runningChangesAt?: string | null }} target
 * @param {number} asOf @param {number} readAt @param {Anchor | undefined} previous
 * @returns {Anchor}
 */
export function anchorOf(target, asOf, readAt, previous) {
  const remainingMs = target.remainingMinutes * 60_000;
  const common = {
    remainingMs,
    durationMs: target.durationMinutes * 60_000,
    dueAt: target.dueAt === null ? null : Date.parse(target.dueAt),
    asOf,
    readAt,
  };
  if (typeof target.runningNow === 'boolean') {
    const changesAt = target.runningChangesAt ? Date.parse(target.runningChangesAt) : null;
    return { ...common, running: target.runningNow, changesAt, exact: true };
  }
  const running =
    target.status === 'breached' ||
    (target.status === 'running' &&
      (target.basis === 'calendar' ||
        (previous === undefined ? inStandardServiceHours(asOf) : remainingMs < previous.remainingMs)));
  return { ...common, running, changesAt: null, exact: false };
}

/** The server's instant at the page's instant `at`, carried forward by the page's own clock. */
const serverTimeAt = (anchor, at) => anchor.asOf + (at - anchor.readAt);

/** Whether the target's clock counts at the page's instant `at`: it flips once at `changesAt`. */
export function runningAt(anchor, at) {
  const flipped = anchor.changesAt !== null && serverTimeAt(anchor, at) >= anchor.changesAt;
  return flipped ? !anchor.running : anchor.running;
}

/**
 * Counted time left at the page's instant `at` (negative once due). Until the due instant it goes
 * down only while the clock runs; it flips at most once (at `changesAt`), since the page reads the
 * SLA clock again at that instant. Past the due instant, the overrun is wall time (DOMAIN.md:
 * end − due), whatever the calendar.
 * @param {Anchor} anchor @param {number} at
 */
export function remainingAt(anchor, at) {
  const now = serverTimeAt(anchor, at);
  if (anchor.dueAt !== null && now >= anchor.dueAt) return anchor.dueAt - now;
  const flip = anchor.changesAt ?? Number.POSITIVE_INFINITY;
  const counted = anchor.running ? Math.min(now, flip) - anchor.asOf : Math.max(0, now - flip);
  return anchor.remainingMs - counted;
}

/**
 * The page's delay until the first instant one of the anchors flips, or undefined when none will:
 * then the page reads the SLA clock again, which gives the next one.
 * @param {Anchor[]} anchors @param {number} at
 */
export function delayToNextChange(anchors, at) {
  let delay;
  for (const anchor of anchors) {
    if (anchor.changesAt === null) continue;
    const wait = anchor.changesAt - serverTimeAt(anchor, at);
    if (wait > 0 && (delay === undefined || wait < delay)) delay = wait;
  }
  return delay;
}
