import { IANAZone } from 'luxon';

const DAY = 86_400_000;
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/**
 * The UTC offsets of one zone around one calendar year: `offsets[i]` holds from
 * `transitions[i - 1]` (inclusive) to `transitions[i]`, both in epoch ms.
 */
interface ZoneYear {
  readonly transitions: readonly number[];
  readonly offsets: readonly number[];
}

// Offsets are facts of the tz database, the same for every calendar of a zone, so
// they are shared by all calendars of the process; the memo is invisible to callers.
const zoneYears = new Map<string, Map<number, ZoneYear>>();
const knownZones = new Set<string>();

/**
 * True for a time zone name of the IANA database (`Europe/Paris`, `UTC`). Offset
 * strings such as `+02:00`, which Intl also accepts, are refused: a contract names
 * a place, whose offset changes with daylight saving time.
 */
export function isKnownTimeZone(name: string): boolean {
  if (knownZones.has(name)) return true;
  if (!ZONE_NAME.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
  } catch {
    return false;
  }
  knownZones.add(name);
  return true;
}

/**
 * Converts local wall times of `zoneName` to instants. The wall time is the local date
 * and time written as if it were UTC; the result is the first instant at which the
 * clocks of the zone show that wall time or later.
 *
 * When the wall time occurs twice (clocks go back), that is its first occurrence;
 * when it does not exist (clocks go forward), that is the instant of the jump. The
 * mapping never decreases, so consecutive service windows never overlap. Luxon's
 * `DateTime.fromObject` is not used because it resolves ambiguous times from the
 * offset in force *now*, which would make a replay depend on the day it runs.
 */
export function wallClock(zoneName: string): (wall: number) => number {
  let recent: { from: number; to: number; zoneYear: ZoneYear } | undefined;
  return (wall) => {
    if (recent === undefined || wall < recent.from || wall >= recent.to) {
      const year = new Date(wall).getUTCFullYear();
      if (Number.isNaN(year)) throw new RangeError(`wall time ${wall} is outside the range of dates`);
      recent = { from: Date.UTC(year, 0, 1), to: Date.UTC(year + 1, 0, 1), zoneYear: zoneYearOf(zoneName, year) };
    }
    const { transitions, offsets } = recent.zoneYear;
    for (let i = 0; i < offsets.length; i++) {
      const offset = offsets[i]!;
      if ((transitions[i] ?? Number.POSITIVE_INFINITY) + offset > wall) {
        return Math.max(transitions[i - 1] ?? Number.NEGATIVE_INFINITY, wall - offset);
      }
    }
    throw new RangeError(`no offset of ${zoneName} covers the wall time ${wall}`);
  };
}

/**
 * The UTC offset of `zoneName` at an instant, in ms (Paris in summer: 7,200,000), from the same
 * tables as `wallClock`: a lookup where asking Intl costs microseconds each time.
 */
export function utcOffsetAt(zoneName: string, instant: number): number {
  const year = new Date(instant).getUTCFullYear();
  if (Number.isNaN(year)) throw new RangeError(`instant ${instant} is outside the range of dates`);
  const { transitions, offsets } = zoneYearOf(zoneName, year);
  let i = 0;
  while (i < transitions.length && instant >= transitions[i]!) i++;
  return offsets[i]!;
}

function zoneYearOf(zoneName: string, year: number): ZoneYear {
  let years = zoneYears.get(zoneName);
  if (years === undefined) {
    years = new Map();
    zoneYears.set(zoneName, years);
  }
  let zoneYear = years.get(year);
  if (zoneYear === undefined) {
    zoneYear = scanYear(IANAZone.create(zoneName), year);
    years.set(year, zoneYear);
  }
  return zoneYear;
}

/**
 * Samples the offset daily over the year and two days either side (so that every wall
 * time of the year finds its instant), then pins each change to the millisecond by
 * bisection. Two changes within one day that cancel out would be missed; the tz
 * database has none.
 */
function scanYear(zone: IANAZone, year: number): ZoneYear {
  const offsetAt = (instant: number) => Math.round(zone.offset(instant) * 60_000);
  const from = Date.UTC(year, 0, 1) - 2 * DAY;
  const to = Date.UTC(year + 1, 0, 1) + 2 * DAY;
  let current = offsetAt(from);
  const transitions: number[] = [];
  const offsets = [current];
  let previous = from;
  for (let sample = from + DAY; sample <= to; sample += DAY) {
    const sampled = offsetAt(sample);
    while (sampled !== current) {
      let low = previous;
      let high = sample;
      while (high - low > 1) {
        const middle = low + Math.floor((high - low) / 2);
        if (offsetAt(middle) === current) low = middle;
        else high = middle;
      }
      current = offsetAt(high);
      transitions.push(high);
      offsets.push(current);
      previous = high;
    }
    previous = sample;
  }
  return { transitions, offsets };
}
