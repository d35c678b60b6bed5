import { type Spread, spread } from './figures.ts';
import { RequestTally } from './request-tally.ts';

export interface ClosedLoopOptions {
  readonly clients: number;
  readonly durationMs: number;
  /** The first part of the run, not counted: JIT, the connection pools and the caches warm up. */
  readonly warmUpMs: number;
  /** One request; resolves with its HTTP status. `measured` says whether it falls in the counted window. */
  readonly call: (measured: boolean) => Promise<number>;
}

export interface ClosedLoopFigures {
  /** Requests answered 2xx in the counted window, per second. */
  readonly rate: number;
  readonly completed: number;
  readonly seconds: number;
  /** Round trip of the 2xx requests of the counted window. */
  readonly latency: Spread;
  /** Every status that is not 2xx, with its count (0 for a refused connection). */
  readonly failures: Record<string, number>;
}

/**
 * N clients, each sending its next request as soon as the previous one is answered, for a
 * duration: the throughput the product sustains at that concurrency, and the latency it costs.
 */
export async function closedLoop(options: ClosedLoopOptions): Promise<ClosedLoopFigures> {
  const begun = performance.now();
  const countFrom = begun + options.warmUpMs;
  const until = begun + options.durationMs;
  const tally = new RequestTally();
  const client = async () => {
    while (performance.now() < until) {
      const sent = performance.now();
      const measured = sent >= countFrom;
      tally.record(await options.call(measured).catch(() => 0), measured, sent);
    }
  };
  await Promise.all(Array.from({ length: options.clients }, client));
  const seconds = (performance.now() - countFrom) / 1000;
  const { completed, latencies, failures } = tally;
  return { rate: completed / seconds, completed, seconds, latency: spread(latencies), failures };
}
