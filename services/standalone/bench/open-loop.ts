import { type Spread, spread } from './figures.ts';
import { RequestTally } from './request-tally.ts';

export interface OpenLoopOptions {
  /** Requests a second, sent whatever the answers (in batches every `batchMs`). */
  readonly rate: number;
  readonly durationMs: number;
  /** The first part of the run, not counted: JIT, the connection pools and the caches warm up. */
  readonly warmUpMs: number;
  /** Requests under way at most (the connections); past it, requests due wait and count as held back. */
  readonly maxInFlight: number;
  readonly batchMs?: number;
  /** One request; resolves with its HTTP status. `measured` says whether it falls in the counted window. */
  readonly call: (measured: boolean) => Promise<number>;
}

export interface OpenLoopFigures {
  /** Requests sent per second in the counted window, and those answered 2xx. */
  readonly offered: number;
  readonly rate: number;
  readonly completed: number;
  /** From when each request was due, not when it could be sent: waiting for a connection counts. */
  readonly latency: Spread;
  /** Share of the batches that found every connection busy and left requests due for later. */
  readonly held: number;
  readonly failures: Record<string, number>;
}

/**
 * Requests at a fixed rate, as independent upstream systems and clients send them: the rate the
 * product sustains and what each request waits at that rate. A closed loop measures something
 * else: N clients that each wait for their answer send N per round trip (Little's law), so its
 * rate falls with the latency even where the product has time to spare.
 */
export async function openLoop(options: OpenLoopOptions): Promise<OpenLoopFigures> {
  const batchMs = options.batchMs ?? 10;
  const begun = performance.now();
  const countFrom = begun + options.warmUpMs;
  const until = begun + options.durationMs;
  const tally = new RequestTally();
  const underWay = new Set<Promise<void>>();
  let due = 0;
  let sentCounted = 0;
  let batches = 0;
  let heldBatches = 0;
  const send = (dueAt: number) => {
    const measured = dueAt >= countFrom;
    if (measured) sentCounted += 1;
    const call = options
      .call(measured)
      .catch(() => 0)
      .then((status) => tally.record(status, measured, dueAt))
      .finally(() => underWay.delete(call));
    underWay.add(call);
  };
  while (performance.now() < until) {
    const now = performance.now();
    const owed = Math.floor(((now - begun) / 1000) * options.rate);
    batches += 1;
    let held = false;
    while (due < owed) {
      if (underWay.size >= options.maxInFlight) {
        held = true;
        break;
      }
      // Each request's due time, spread over the batch: its latency starts then.
      send(begun + (due / options.rate) * 1000);
      due += 1;
    }
    if (held) heldBatches += 1;
    await new Promise((resolve) => setTimeout(resolve, batchMs));
  }
  await Promise.all(underWay);
  const seconds = (until - countFrom) / 1000;
  const { completed, latencies, failures } = tally;
  return {
    offered: sentCounted / seconds,
    rate: completed / seconds,
    completed,
    latency: spread(latencies),
    held: batches === 0 ? 0 : heldBatches / batches,
    failures,
  };
}
