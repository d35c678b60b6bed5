import { type Spread, spread } from './figures.ts';
import type { HttpClient } from './http-client.ts';

export interface VisibilityProbeOptions {
  /** Probe one ticket in `everyNth` (at most): the probe's own requests must not dominate the load. */
  readonly everyNth: number;
  /** Tickets probed at the same time, at most; a sampled ticket beyond that is skipped. */
  readonly maxInFlight: number;
  readonly timeoutMs?: number;
}

// Between two reads of a ticket not yet visible: short at first (the in-process path takes a few
// milliseconds), then 5 ms, then a twentieth of the time waited so far: a reading is never more
// than 5% late, and a product that falls behind is not buried under the probe's own requests.
const retryDelays = [0, 1, 2, 3, 5];
const delayOf = (attempt: number, waited: number) =>
  Math.min(250, Math.max(retryDelays[Math.min(attempt, retryDelays.length - 1)]!, waited / 20));
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * How long after its acknowledgement a ticket shows in reporting's ticket projection
 * (`GET /reports/tickets/:id` answers 200 rather than 404). Polling one ticket costs requests
 * only for the sampled tickets and only until they show; the dashboard's SSE stream would have
 * told every event to the bench (several per ticket) and only says the bus delivered an event,
 * not that reporting folded it in.
 */
export class VisibilityProbe {
  readonly #client: HttpClient;
  readonly #options: VisibilityProbeOptions;
  readonly #latencies: number[] = [];
  readonly #pending = new Set<Promise<void>>();
  #offered = 0;
  #requests = 0;
  #timedOut = 0;

  constructor(client: HttpClient, options: VisibilityProbeOptions) {
    this.#client = client;
    this.#options = options;
  }

  /**
   * A ticket acknowledged (or published) at `since` (performance.now()); probed if sampled and a
   * slot is free. The id is asked for only then: deriving it costs a hash.
   */
  offer(ticketId: () => string, since: number): void {
    this.#offered += 1;
    if (this.#offered % this.#options.everyNth !== 0 || this.#pending.size >= this.#options.maxInFlight) return;
    const probe = this.#probe(ticketId(), since).finally(() => this.#pending.delete(probe));
    this.#pending.add(probe);
  }

  async #probe(ticketId: string, since: number): Promise<void> {
    const deadline = since + (this.#options.timeoutMs ?? 30_000);
    for (let attempt = 0; ; attempt += 1) {
      const delay = delayOf(attempt, performance.now() - since);
      if (delay > 0) await pause(delay);
      this.#requests += 1;
      const reply = await this.#client.call('GET', `/reports/tickets/${ticketId}`).catch(() => undefined);
      if (reply?.status === 200) {
        this.#latencies.push(performance.now() - since);
        return;
      }
      if (performance.now() > deadline) {
        this.#timedOut += 1;
        return;
      }
    }
  }

  /** Waits for the probes in flight, then the figures. */
  async figures(): Promise<{ latency: Spread; requests: number; timedOut: number }> {
    await Promise.all(this.#pending);
    return { latency: spread(this.#latencies), requests: this.#requests, timedOut: this.#timedOut };
  }
}
