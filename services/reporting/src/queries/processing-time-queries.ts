import type { Period, SlaTargetName } from '@hotline/domain';
import type { Scope } from './indicator-queries.ts';
import { inPeriod } from './periods.ts';
import type { ReportingView } from './reporting-view.ts';
import { median, percentile, rate } from './statistics.ts';

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

/**
 * Take-charge and resolution times per client for client reviews: tickets taken charge (resolved)
 * in the period, rejected and cancelled ones left out, as in the indicators.
 */
export function processingTimes(
  view: ReportingView,
  period: Period,
  now: number,
  scope: Scope = {},
): ClientProcessingTimes[] {
  const byClient = new Map<string, { takeCharge: Sample; resolution: Sample }>();
  for (const entry of view.tickets.values()) {
    const { ticket } = entry.record;
    if (ticket.clientId === undefined) continue;
    if (scope.clientId !== undefined && ticket.clientId !== scope.clientId) continue;
    if (ticket.status === 'rejected' || ticket.status === 'cancelled') continue;
    const takenAt = ticket.milestones.takeCharge === undefined ? null : Date.parse(ticket.milestones.takeCharge);
    const takenIn = inPeriod(period, takenAt);
    const resolvedIn = inPeriod(period, entry.resolvedAt);
    if (!takenIn && !resolvedIn) continue;
    const samples = byClient.get(ticket.clientId) ?? { takeCharge: emptySample(), resolution: emptySample() };
    byClient.set(ticket.clientId, samples);
    const targets = view.judge(entry, now).sla.evaluation.targets;
    const add = (sample: Sample, name: SlaTargetName, reachedAt: number) => {
      sample.elapsed.push(reachedAt - entry.receivedAt);
      const target = targets.find((each) => each.target === name);
      if (target === undefined) return;
      sample.counted.push(target.countedMs);
      if (target.status === 'met') sample.met++;
      if (target.status === 'breached') sample.breached++;
    };
    if (takenIn && takenAt !== null) add(samples.takeCharge, 'takeCharge', takenAt);
    if (resolvedIn && entry.resolvedAt !== null) add(samples.resolution, 'resolution', entry.resolvedAt);
  }
  return [...byClient.entries()]
    .map(([clientId, samples]) => ({
      clientId,
      takeCharge: statistics(samples.takeCharge),
      resolution: statistics(samples.resolution),
    }))
    .sort((a, b) => a.clientId.localeCompare(b.clientId));
}
