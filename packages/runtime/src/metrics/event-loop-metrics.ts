import { performance } from 'node:perf_hooks';
import { Counter, type Registry } from 'prom-client';

/**
 * `hotline_event_loop_busy_seconds_total`: the time the process's event loop spent running code
 * rather than waiting for I/O (`performance.eventLoopUtilization()`). Its rate is the share of the
 * time the loop is busy: near 1, the process is at its capacity, whatever its CPU figure says (a
 * process whose one loop is saturated can show half the machine idle). A counter rather than a
 * ratio since the last scrape, so that several scrapers do not split it between them.
 */
export function registerEventLoopBusy(registry: Registry): void {
  let counted = 0;
  new Counter({
    name: 'hotline_event_loop_busy_seconds_total',
    help: "Seconds the event loop spent running code rather than waiting; its rate is the loop's utilization (1: at capacity)",
    registers: [registry],
    collect() {
      const active = performance.eventLoopUtilization().active / 1000;
      this.inc(Math.max(0, active - counted));
      counted = Math.max(counted, active);
    },
  });
}
