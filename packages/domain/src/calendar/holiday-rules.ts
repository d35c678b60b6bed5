import Holidays from 'date-holidays';

const DAY = 86_400_000;

export interface HolidayRegion {
  readonly country: string;
  readonly region?: string | undefined;
}

// Holiday rules are static data of date-holidays: parsing them is costly (milliseconds
// per country and per year), and the result is the same for every calendar, so it is
// shared by the process. The memo is invisible to callers.
let catalogue: Holidays | undefined;
let countries: ReadonlySet<string> | undefined;
const regionsByCountry = new Map<string, ReadonlySet<string>>();
const rulesByRegion = new Map<string, Holidays>();
const daysByRegionYear = new Map<string, ReadonlySet<number>>();

function catalog(): Holidays {
  catalogue ??= new Holidays();
  return catalogue;
}

export function isKnownCountry(country: string): boolean {
  countries ??= new Set(Object.keys(catalog().getCountries()));
  return countries.has(country);
}

/** Regions are date-holidays' states: for France, Alsace-Moselle is '57', '67' or '68'. */
export function isKnownRegion(country: string, region: string): boolean {
  let regions = regionsByCountry.get(country);
  if (regions === undefined) {
    regions = new Set(Object.keys(catalog().getStates(country) ?? {}));
    regionsByCountry.set(country, regions);
  }
  return regions.has(region);
}

/** The local date 'YYYY-MM-DD' as a number of days since 1970-01-01, cheap to look up. */
export function epochDay(isoDate: string): number {
  return Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) / DAY;
}

/**
 * The local dates of `year` (as epoch days) that are public holidays of the region.
 * Only the type 'public' closes the service: observances (Mother's Day) and bank
 * holidays do not. A holiday closes whole days, from its date, as many days as it lasts.
 */
export function publicHolidays(where: HolidayRegion, year: number): ReadonlySet<number> {
  const key = `${where.country}|${where.region ?? ''}|${year}`;
  let days = daysByRegionYear.get(key);
  if (days === undefined) {
    days = holidaysOfYear(rulesFor(where), year);
    daysByRegionYear.set(key, days);
  }
  return days;
}

function rulesFor(where: HolidayRegion): Holidays {
  const key = `${where.country}|${where.region ?? ''}`;
  let rules = rulesByRegion.get(key);
  if (rules === undefined) {
    const place = where.region === undefined ? where.country : { country: where.country, state: where.region };
    rules = new Holidays(place, { types: ['public'] });
    rulesByRegion.set(key, rules);
  }
  return rules;
}

function holidaysOfYear(rules: Holidays, year: number): ReadonlySet<number> {
  const days = new Set<number>();
  const first = Date.UTC(year, 0, 1) / DAY;
  const last = Date.UTC(year + 1, 0, 1) / DAY;
  // A holiday of several days that starts in late December reaches into the next year.
  for (const holiday of [...rules.getHolidays(year - 1), ...rules.getHolidays(year)]) {
    if (holiday.type !== 'public') continue;
    const start = epochDay(holiday.date);
    const length = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / DAY));
    for (let day = Math.max(start, first); day < Math.min(start + length, last); day++) days.add(day);
  }
  return days;
}
