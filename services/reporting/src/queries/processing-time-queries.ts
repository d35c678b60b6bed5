import type { Period } from '@hotline/domain';
import type { Scope } from './indicator-queries.ts';
import { inPeriod } from './periods.ts';
import {
  countsInProcessingTimes,
  type SampleBucket,
  type TimeSample,
  takeChargeAt,
  ticketSamples,
} from './processing-time-tallies.ts';
import type { ReportingView } from './reporting-view.ts';
import { median, percentile, rate, sortedMedian, sortedPercentile } from './statistics.ts';

export interface DurationStatistics {
  readonly count: number;
  /** Wall-clock time from reception, pauses included: what the client lived. */
  readonly elapsedMedianMs: number | null;
  readonly elapsedP90Ms: number | null;
  /** Time the contract counts (its calendar, pauses excluded), for tickets with that target. */
  readonly countedMedianMs: number | null;
  readonly countedP90Ms: number | null;
  readonly met: number;
  readonly breached: number;
  /** Met out of the tickets that had the target; null when none had. */
  readonly withinDeadlineRate: number | null;
}

export interface ClientProcessingTimes {
  readonly clientId: string;
  readonly takeCharge: DurationStatistics;
  readonly resolution: DurationStatistics;
}

interface Sample {
  elapsed: number[];
  counted: number[];
  met: number;
  breached: number;
}

const emptySample = (): Sample => ({ elapsed: [], counted: [], met: 0, breached: 0 });

function statistics(sample: Sample): DurationStatistics {
  return {
    count: sample.elapsed.length,
    elapsedMedianMs: median(sample.elapsed),
    elapsedP90Ms: percentile(sample.elapsed, 0.9),
    countedMedianMs: median(sample.counted),
    countedP90Ms: percentile(sample.counted, 0.9),
    met: sample.met,
    breached: sample.breached,
    withinDeadlineRate: rate(sample.met, sample.met + sample.breached),
  };
}

/** The buckets' samples in ascending order: one bucket as it is, several merged by one typed-array sort. */
function sortedOf(
  buckets: readonly SampleBucket[],
  values: (bucket: SampleBucket) => readonly number[],
): ArrayLike<number> {
  if (buckets.length === 1) return values(buckets[0]!);
  let length = 0;
  for (const bucket of buckets) length += values(bucket).length;
  const sorted = new Float64Array(length);
  let offset = 0;
  for (const bucket of buckets) {
    sorted.set(values(bucket), offset);
    offset += values(bucket).length;
  }
  return sorted.sort();
}

function bucketStatistics(buckets: readonly SampleBucket[]): DurationStatistics {
  const elapsed = sortedOf(buckets, (bucket) => bucket.elapsed);
  const counted = sortedOf(buckets, (bucket) => bucket.counted);
  const met = buckets.reduce((sum, bucket) => sum + bucket.met, 0);
  const breached = buckets.reduce((sum, bucket) => sum + bucket.breached, 0);
  return {
    count: elapsed.length,
    elapsedMedianMs: sortedMedian(elapsed),
    elapsedP90Ms: sortedPercentile(elapsed, 0.9),
    countedMedianMs: sortedMedian(counted),
    countedP90Ms: sortedPercentile(counted, 0.9),
    met,
    breached,
    withinDeadlineRate: rate(met, met + breached),
  };
}

const byClient = (a: ClientProcessingTimes, b: ClientProcessingTimes) => a.clientId.localeCompare(b.clientId);

/**
 * Take-charge and resolution times per client for client reviews: tickets taken charge (resolved)
 * in the period, rejected and cancelled ones left out, as in the indicators. A period of whole
 * months reads the samples kept per client and month as tickets change; any other period (or an
 * instant before some milestone) takes each ticket's samples afresh.
 */
export function processingTimes(
  view: ReportingView,
  period: Period,
  now: number,
  scope: Scope = {},
): ClientProcessingTimes[] {
  const tallies = view.tallies(now).processingTimes;
  const buckets = now >= tallies.settledBy ? tallies.bucketsOf(period, scope.clientId) : null;
  if (buckets !== null) {
    return [...buckets.entries()]
      .map(([clientId, each]) => ({
        clientId,
        takeCharge: bucketStatistics(each.takeCharge),
        resolution: bucketStatistics(each.resolution),
      }))
      .sort(byClient);
  }
  const byClientId = new Map<string, { takeCharge: Sample; resolution: Sample }>();
  for (const entry of view.tickets.values()) {
    if (!countsInProcessingTimes(entry)) continue;
    if (scope.clientId !== undefined && entry.record.ticket.clientId !== scope.clientId) continue;
    const takenIn = inPeriod(period, takeChargeAt(entry));
    const resolvedIn = inPeriod(period, entry.resolvedAt);
    if (!takenIn && !resolvedIn) continue;
    // Counted time as of now: the cache keeps a judgement's counted time as it was when judged.
    const samples = ticketSamples(entry, view.judgeAfresh(entry, now).sla.evaluation.targets);
    const client = byClientId.get(samples.clientId) ?? { takeCharge: emptySample(), resolution: emptySample() };
    byClientId.set(samples.clientId, client);
    const add = (into: Sample, sample: TimeSample | null) => {
      if (sample === null) return;
      into.elapsed.push(sample.elapsed);
      if (sample.counted !== null) into.counted.push(sample.counted);
      if (sample.met) into.met++;
      if (sample.breached) into.breached++;
    };
    if (takenIn) add(client.takeCharge, samples.takeCharge);
    if (resolvedIn) add(client.resolution, samples.resolution);
  }
  return [...byClientId.entries()]
    .map(([clientId, samples]) => ({
      clientId,
      takeCharge: statistics(samples.takeCharge),
      resolution: statistics(samples.resolution),
    }))
    .sort(byClient);
}
