import { type BusinessCalendar, businessCalendar, CalendarDefinition } from '../src/calendar/index.ts';
import { type DueCase, dueCases, HORIZON_YEARS } from './calendar-cases.ts';
import { naiveCalendar } from './naive-calendar.ts';

export interface CalendarBenchOptions {
  /** Cases drawn; the naive reference computes as many as its time box allows. */
  readonly cases: number;
  readonly seed: number;
  readonly naiveTimeBoxMs: number;
  /** How long each fast measurement repeats the cases. */
  readonly fastTimeBoxMs: number;
}

const DEFINITIONS: Record<string, CalendarDefinition> = {
  standard: CalendarDefinition.parse({}),
  'Alsace-Moselle with closures': CalendarDefinition.parse({
    holidays: { country: 'FR', region: '67' },
    closures: ['2026-08-14', '2026-12-24', '2026-12-31', '2027-05-07'],
  }),
};

interface Rate {
  readonly label: string;
  readonly computed: number;
  readonly perSecond: number;
}

/** Repeats `compute` over the cases until the time box is spent; returns due dates per second. */
function rate(label: string, cases: readonly DueCase[], timeBoxMs: number, compute: (c: DueCase) => number): Rate {
  let computed = 0;
  let sink = 0;
  const begin = performance.now();
  let elapsed = 0;
  do {
    for (const c of cases) {
      const due = compute(c);
      sink += Number.isFinite(due) ? due % 7 : 1;
    }
    computed += cases.length;
    elapsed = performance.now() - begin;
  } while (elapsed < timeBoxMs);
  if (Number.isNaN(sink)) throw new Error('unreachable: keeps the results alive');
  return { label, computed, perSecond: (computed / elapsed) * 1000 };
}

function describeCase(c: DueCase): string {
  const pauses = c.pauses.map(
    (p) => `[${new Date(p.start).toISOString()}, ${p.end === Infinity ? '∞' : new Date(p.end).toISOString()})`,
  );
  return `${c.calendar}: start ${new Date(c.start).toISOString()}, ${c.durationMs / 60_000} min, pauses ${pauses.join(' ') || 'none'}`;
}

export function calendarBench(options: CalendarBenchOptions): void {
  const names = Object.keys(DEFINITIONS);
  const cases = dueCases(options.cases, options.seed, names);
  const definition = (c: DueCase) => DEFINITIONS[c.calendar]!;

  const coldBegin = performance.now();
  const first = cases[0]!;
  businessCalendar(definition(first)).add(first.start, first.durationMs, first.pauses);
  const coldMs = performance.now() - coldBegin;

  const warm = new Map<string, BusinessCalendar>(names.map((name) => [name, businessCalendar(DEFINITIONS[name]!)]));
  const fastDue = cases.map((c) => warm.get(c.calendar)!.add(c.start, c.durationMs, c.pauses));

  // The reference, time-boxed: every case it reaches must give the very same instant.
  const naive = new Map(names.map((name) => [name, naiveCalendar(DEFINITIONS[name]!, HORIZON_YEARS)]));
  const naiveBegin = performance.now();
  let checked = 0;
  let infinite = 0;
  while (checked < cases.length && performance.now() - naiveBegin < options.naiveTimeBoxMs) {
    const c = cases[checked]!;
    const expected = naive.get(c.calendar)!.due(c.start, c.durationMs, c.pauses);
    if (expected !== fastDue[checked]) {
      throw new Error(
        `calendar bench: case ${checked} differs: naive ${expected}, fast ${fastDue[checked]}\n  ${describeCase(c)}`,
      );
    }
    if (expected === Number.POSITIVE_INFINITY) infinite++;
    checked++;
  }
  const naiveMs = performance.now() - naiveBegin;
  const naiveRate: Rate = {
    label: 'naive, minute by minute',
    computed: checked,
    perSecond: (checked / naiveMs) * 1000,
  };

  const fresh = rate('fast, fresh calendar per due date', cases, options.fastTimeBoxMs, (c) =>
    businessCalendar(definition(c)).add(c.start, c.durationMs, c.pauses),
  );
  cases.forEach((c, i) => {
    const again = businessCalendar(definition(c)).add(c.start, c.durationMs, c.pauses);
    if (again !== fastDue[i]) throw new Error(`calendar bench: fresh and warm calendars differ on case ${i}`);
  });
  const warmRate = rate('fast, warm calendar (years cached)', cases, options.fastTimeBoxMs, (c) =>
    warm.get(c.calendar)!.add(c.start, c.durationMs, c.pauses),
  );

  const rows = [naiveRate, fresh, warmRate];
  const width = Math.max(...rows.map((row) => row.label.length));
  const number = (value: number, digits = 0) =>
    value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  console.log(`\nBusiness calendar: due instants (add) on ${cases.length} cases, seed ${options.seed}`);
  console.log('  starts in 2026 on whole minutes, durations up to a year of business hours, 0–3 pauses');
  console.log(
    `  ${'implementation'.padEnd(width)}  ${'computed'.padStart(9)}  ${'due dates/s'.padStart(12)}  vs naive`,
  );
  for (const row of rows) {
    const ratio = row.perSecond / naiveRate.perSecond;
    console.log(
      `  ${row.label.padEnd(width)}  ${number(row.computed).padStart(9)}  ${number(row.perSecond, row.perSecond < 100 ? 1 : 0).padStart(12)}  ${number(ratio, ratio < 10 ? 1 : 0)}×`,
    );
  }
  console.log(`  identical results on all ${checked} cases the naive reference computed (${infinite} never due)`);
  console.log(`  first due date of the process (holiday rules and zone offsets loaded): ${number(coldMs, 1)} ms`);
  const goal = warmRate.perSecond / naiveRate.perSecond;
  if (goal < 1000) console.log(`  WARNING: warm calendar only ${number(goal, 1)}× faster than naive (goal: 1,000×)`);
}
