import type { HttpClient } from './http-client.ts';
import { gauge } from './memory-sampler.ts';

/** CPU seconds (user and system) a process has used, from its Prometheus endpoint. */
export async function cpuSeconds(client: HttpClient): Promise<number> {
  const reply = await client.call('GET', '/metrics');
  if (reply.status !== 200) throw new Error(`GET /metrics: ${reply.status}`);
  return gauge(reply.body, 'process_cpu_seconds_total');
}

/**
 * The product's CPU milliseconds per ticket over a part of the run. On a machine whose cores
 * others share, the rate depends on the turns the product gets; its CPU cost per ticket much
 * less, and 1000 / (ms a ticket) is what one core of its own would take.
 */
export async function cpuPerTicket<T>(
  clients: readonly HttpClient[],
  work: () => Promise<{ readonly result: T; readonly tickets: number }>,
): Promise<{ readonly result: T; readonly msPerTicket: number }> {
  const before = await Promise.all(clients.map(cpuSeconds));
  const { result, tickets } = await work();
  const after = await Promise.all(clients.map(cpuSeconds));
  const used = after.reduce((sum, value, i) => sum + value - before[i]!, 0);
  return { result, msPerTicket: (used * 1000) / tickets };
}
