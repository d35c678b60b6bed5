import type { HttpClient } from './http-client.ts';

const series = /^hotline_consumer_lag_messages\{([^}]*)\} ([0-9.e+]+)$/gm;

/**
 * Messages each consumer group has not handled yet, summed over the partitions and the processes
 * given, from their `hotline_consumer_lag_messages` (measured every 5 s by each process, so up to
 * 5 s old). The projection's lag says when reporting saw a ticket; this says whether the other
 * services (triage's dispatch above all) kept up with it. Dashboards' groups, one per process
 * start, are summed as `dashboard`.
 */
export async function consumerLag(processes: readonly HttpClient[]): Promise<Record<string, number>> {
  const behind: Record<string, number> = {};
  for (const client of processes) {
    const { body } = await client.call('GET', '/metrics');
    for (const [, labels, value] of body.matchAll(series)) {
      const group = /group="([^"]*)"/.exec(labels ?? '')?.[1] ?? '?';
      const name = group.startsWith('dashboard-') ? 'dashboard' : group;
      behind[name] = (behind[name] ?? 0) + Number(value);
    }
  }
  return behind;
}

/** `triage 12,000, reporting 0, …`, the largest first. */
export function describeLag(behind: Record<string, number>): string {
  const entries = Object.entries(behind).sort((a, b) => b[1] - a[1]);
  if (entries.length === 0) return 'no consumer group measured';
  return entries.map(([group, count]) => `${group} ${count.toLocaleString('en-US')}`).join(', ');
}
