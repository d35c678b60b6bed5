import type { HttpClient } from './http-client.ts';
import { gauge } from './memory-sampler.ts';

interface ProcessTimes {
  /** CPU seconds (user and system) the process has used. */
  readonly cpu: number;
  /** Seconds its event loop has spent running code. */
  readonly loopBusy: number;
}

/** A process's times so far, from its Prometheus endpoint. */
async function processTimes(client: HttpClient): Promise<ProcessTimes> {
  const reply = await client.call('GET', '/metrics');
  if (reply.status !== 200) throw new Error(`GET /metrics: ${reply.status}`);
  return {
    cpu: gauge(reply.body, 'process_cpu_seconds_total'),
    loopBusy: gauge(reply.body, 'hotline_event_loop_busy_seconds_total'),
  };
}

/**
 * The product's CPU milliseconds per ticket over a part of the run, and the share of the part its
 * busiest event loop was running code. On a machine whose cores others share, the rate depends on
 * the turns the product gets; its CPU cost per ticket much less, and 1000 / (ms a ticket) is what
 * one core of its own would take. A loop busy nearly all the time is the product's bound, even with
 * cores idle: its JavaScript runs on that one thread.
 */
export async function cpuPerTicket<T>(
  clients: readonly HttpClient[],
  work: () => Promise<{ readonly result: T; readonly tickets: number }>,
): Promise<{ readonly result: T; readonly msPerTicket: number; readonly loopBusy: number }> {
  const before = await Promise.all(clients.map(processTimes));
  const begun = performance.now();
  const { result, tickets } = await work();
  const seconds = (performance.now() - begun) / 1000;
  const after = await Promise.all(clients.map(processTimes));
  const used = after.reduce((sum, times, i) => sum + times.cpu - before[i]!.cpu, 0);
  const loopBusy = Math.max(...after.map((times, i) => (times.loopBusy - before[i]!.loopBusy) / seconds));
  return { result, msPerTicket: (used * 1000) / tickets, loopBusy };
}
