import type { EventStore } from '@hotline/eventstore';
import { MemoryRecordStore } from '../projections/record-store.ts';
import type { IndicatorFilters } from '../queries/indicator-cube.ts';
import { indicatorsOf } from '../queries/indicator-queries.ts';
import { overrunsIn, pastDue } from '../queries/overrun-queries.ts';
import { contractPenalties } from '../queries/penalty-queries.ts';
import { civilYearOf, yearPeriod } from '../queries/periods.ts';
import { ReportingView } from '../queries/reporting-view.ts';
import { type RebuildProgress, rebuildRecords } from '../rebuild/rebuild.ts';

export interface AsOfOptions {
  readonly clientId?: string | undefined;
  /** Narrow the indicators only (overruns, past-due tickets and penalties are the client's or the hotline's). */
  readonly indicatorFilters?: Omit<IndicatorFilters, 'clientId'> | undefined;
  /** The civil year of the indicators and overruns; the year of the instant by default. */
  readonly year?: number | undefined;
  readonly onProgress?: (progress: RebuildProgress) => void;
}

/** The read model as it stood at `at`: only the events the store had recorded by then. */
export async function viewAsOf(store: EventStore, at: number, onProgress?: (progress: RebuildProgress) => void) {
  const rebuilt = await rebuildRecords(store, {
    recordedUpTo: at,
    ...(onProgress === undefined ? {} : { onProgress }),
  });
  const records = new MemoryRecordStore();
  records.replaceAll(rebuilt.records);
  const view = new ReportingView();
  (await records.follow(view)).stop();
  return view;
}

/**
 * What the vendor knew at a past instant: indicators, overruns and penalties of a client or of the
 * whole hotline, from the events recorded up to then, judged then, by the same views as the live API.
 */
export async function asOfReport(store: EventStore, at: number, options: AsOfOptions = {}) {
  const view = await viewAsOf(store, at, options.onProgress);
  const scope = { clientId: options.clientId };
  const year = options.year ?? civilYearOf(at);
  const period = yearPeriod(year);
  const indicators = indicatorsOf(view, period, at, { ...options.indicatorFilters, ...scope });
  const overruns = overrunsIn(view, period, at, scope);
  const penalties = contractPenalties(view, at, scope);
  return {
    asOf: at,
    year,
    clientId: options.clientId ?? null,
    recordedEventsUpTo: view.position,
    indicators,
    overruns: {
      overrunDays: overruns.reduce((sum, row) => sum + row.overrunDays, 0),
      productionOverrunDays: overruns
        .filter((row) => row.environment === 'production')
        .reduce((sum, row) => sum + row.overrunDays, 0),
      items: overruns,
    },
    pastDue: pastDue(view, at, scope),
    penalties: {
      provisionCents: penalties.reduce((sum, row) => sum + row.provisionCents, 0),
      items: penalties,
    },
  };
}

export type AsOfReport = Awaited<ReturnType<typeof asOfReport>>;
