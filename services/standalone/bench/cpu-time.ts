import type { HttpClient } from './http-client.ts';
import { gauge } from './memory-sampler.ts';

interface ProcessTimes {
  /** CPU seconds (user and system) the process has used. */
  readonly cpu: number;
  /** Seconds its event loop has spent running code. */
  readonly loopBusy: number;
  /** Major collections so far, and the seconds of their pauses (prom-client's `nodejs_gc_duration_seconds`). */
  readonly majors: number;
  readonly majorSeconds: number;
}

/** The major collections of a part: under load, each holds the event loop far longer than its pause. */
export interface Collections {
  readonly major: number;
  readonly pauseMs: number;
}

/** A process's times so far, from its Prometheus endpoint. */
async function processTimes(client: HttpClient): Promise<ProcessTimes> {
  const reply = await client.call('GET', '/metrics');
  if (reply.status !== 200) throw new Error(`GET /metrics: ${reply.status}`);
  return {
    cpu: gauge(reply.body, 'process_cpu_seconds_total'),
    loopBusy: gauge(reply.body, 'hotline_event_loop_busy_seconds_total'),
    majors: gauge(reply.body, 'nodejs_gc_duration_seconds_count', 'kind="major"') || 0,
    majorSeconds: gauge(reply.body, 'nodejs_gc_duration_seconds_sum', 'kind="major"') || 0,
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
): Promise<{
  readonly result: T;
  readonly msPerTicket: number;
  readonly loopBusy: number;
  readonly collections: Collections;
}> {
  const before = await Promise.all(clients.map(processTimes));
  const begun = performance.now();
  const { result, tickets } = await work();
  const seconds = (performance.now() - begun) / 1000;
  const after = await Promise.all(clients.map(processTimes));
  const used = after.reduce((sum, times, i) => sum + times.cpu - before[i]!.cpu, 0);
  const loopBusy = Math.max(...after.map((times, i) => (times.loopBusy - before[i]!.loopBusy) / seconds));
  const collections = {
    major: after.reduce((sum, times, i) => sum + times.majors - before[i]!.majors, 0),
    pauseMs: after.reduce((sum, times, i) => sum + times.majorSeconds - before[i]!.majorSeconds, 0) * 1000,
  };
  return { result, msPerTicket: (used * 1000) / tickets, loopBusy, collections };
}
