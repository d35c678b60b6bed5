import { megabytes, slopePerMinute } from './figures.ts';
import type { HttpClient } from './http-client.ts';

interface Sample {
  readonly at: number;
  readonly rss: number;
  readonly heap: number;
  /** Tickets in the projection then: memory models held in memory grow with them by design. */
  readonly tickets: number;
}

export interface MemoryFigures {
  readonly process: string;
  readonly samples: number;
  readonly rss: string;
  readonly heap: string;
  /** Heap growth per ticket taken in, over the run (KB). */
  readonly perTicket: string;
}

/** A metric's value in a Prometheus text; `label` (as `kind="major"`) picks one series of several. */
export const gauge = (text: string, name: string, label?: string) => {
  for (const match of text.matchAll(new RegExp(`^${name}(?:\\{([^}]*)\\})? ([0-9.e+]+)$`, 'gm'))) {
    if (label === undefined || (match[1] ?? '').split(',').includes(label)) return Number(match[2]);
  }
  return Number.NaN;
};

/**
 * Resident set and used heap of each process over the run, read from its Prometheus endpoint
 * (prom-client's process metrics), so the same probe serves the one embedded process and the
 * processes of the distributed mode. The slope per minute is the growth over the run; divided by
 * the tickets taken in meanwhile, it tells the read models' due growth (the embedded mode keeps
 * every ticket in memory) from a leak, which would grow with time or requests, not with tickets.
 */
export class MemorySampler {
  readonly #targets: readonly { readonly name: string; readonly client: HttpClient }[];
  readonly #samples = new Map<string, Sample[]>();
  readonly #tickets: () => Promise<number>;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    targets: readonly { readonly name: string; readonly client: HttpClient }[],
    tickets: () => Promise<number>,
    intervalMs = 5_000,
  ) {
    this.#targets = targets;
    this.#tickets = tickets;
    for (const { name } of targets) this.#samples.set(name, []);
    void this.#sample();
    this.#timer = setInterval(() => void this.#sample(), intervalMs);
  }

  async #sample(): Promise<void> {
    const tickets = await this.#tickets().catch(() => Number.NaN);
    await Promise.all(
      this.#targets.map(async ({ name, client }) => {
        const reply = await client.call('GET', '/metrics').catch(() => undefined);
        if (reply?.status !== 200) return;
        const rss = gauge(reply.body, 'process_resident_memory_bytes');
        const heap = gauge(reply.body, 'nodejs_heap_size_used_bytes');
        if (!Number.isNaN(rss)) this.#samples.get(name)!.push({ at: Date.now(), rss, heap, tickets });
      }),
    );
  }

  async stop(): Promise<MemoryFigures[]> {
    clearInterval(this.#timer);
    await this.#sample();
    return this.#targets.map(({ name }) => {
      const samples = this.#samples.get(name)!;
      const describe = (key: 'rss' | 'heap') => {
        if (samples.length === 0) return '—';
        const values = samples.map((sample) => sample[key]);
        const slope = slopePerMinute(samples.map((sample) => ({ at: sample.at, value: sample[key] })));
        return `${megabytes(values[0]!)} → ${megabytes(values.at(-1)!)} (max ${megabytes(Math.max(...values))}, ${slope >= 0 ? '+' : ''}${(slope / 1_048_576).toFixed(1)} MB/min)`;
      };
      const [first, last] = [samples[0], samples.at(-1)];
      const taken = first === undefined || last === undefined ? 0 : last.tickets - first.tickets;
      const perTicket = taken > 0 ? `${((last!.heap - first!.heap) / taken / 1024).toFixed(2)} KB` : '—';
      return { process: name, samples: samples.length, rss: describe('rss'), heap: describe('heap'), perTicket };
    });
  }
}
