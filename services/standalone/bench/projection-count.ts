import type { HttpClient } from './http-client.ts';

/**
 * How many tickets reporting's projection holds: `GET /reports/tickets?limit=1` answers the total of
 * an unfiltered list from the view's size, without reading the tickets, so it can be asked every
 * few hundred milliseconds during the load.
 */
export async function visibleTickets(reporting: HttpClient): Promise<number> {
  const reply = await reporting.call('GET', '/reports/tickets?limit=1');
  if (reply.status !== 200) throw new Error(`GET /reports/tickets: ${reply.status} ${reply.body}`);
  return (JSON.parse(reply.body) as { total: number }).total;
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
