import type { HttpClient } from './http-client.ts';

interface VolumeRow {
  readonly dimension: string;
  readonly received: number;
}

/**
 * How many tickets reporting's projection holds: the sum over natures of
 * `GET /reports/activity/volumes` (this year's tickets, which every bench ticket is), answered
 * from tallies kept per month. Not the total of `GET /reports/tickets?limit=1`: that list sorts
 * every ticket again whenever some arrived out of reception order, which concurrent ingestion
 * causes all the time, and asked ten times a second it became most of the product's work.
 */
export async function visibleTickets(reporting: HttpClient): Promise<number> {
  const reply = await reporting.call('GET', '/reports/activity/volumes');
  if (reply.status !== 200) throw new Error(`GET /reports/activity/volumes: ${reply.status} ${reply.body}`);
  const { items } = JSON.parse(reply.body) as { items: VolumeRow[] };
  return items.filter((row) => row.dimension === 'nature').reduce((sum, row) => sum + row.received, 0);
}

/** Resolves once the projection holds `count` tickets or more; the time it took (ms), or undefined past the timeout. */
export async function untilVisible(
  reporting: HttpClient,
  count: number,
  timeoutMs: number,
): Promise<number | undefined> {
  const begun = performance.now();
  for (;;) {
    if ((await visibleTickets(reporting)) >= count) return performance.now() - begun;
    if (performance.now() - begun > timeoutMs) return undefined;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
