import { type Contender, type Measure, type Rates, workload } from './workload.ts';

/** Events per second of each round, per measure. */
export type Samples = Record<Measure, number[]>;

const measures: Measure[] = ['singleAppends', 'batchAppends', 'streamReads', 'globalRead'];

async function eventsPerSecond(work: () => Promise<number>): Promise<number> {
  const startedAt = performance.now();
  const events = await work();
  return events / ((performance.now() - startedAt) / 1000);
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const quantile = (values: number[], q: number) => sorted(values)[Math.round(q * (values.length - 1))] as number;
export const median = (values: number[]) => quantile(values, 0.5);

/** The median of each measure's rounds. */
export function medianRates(samples: Samples): Rates {
  return {
    singleAppends: median(samples.singleAppends),
    batchAppends: median(samples.batchAppends),
    streamReads: median(samples.streamReads),
    globalRead: median(samples.globalRead),
  };
}

export interface RatioSpread {
  median: number;
  /** First and third quartiles of the per-round ratios. */
  low: number;
  high: number;
}

/**
 * The ratio of two contenders round by round (each round measured them back to back), then its
 * median and quartiles: a slow spell of the shared disk falls on both sides of a round alike, so
 * the ratio of a round moves much less than either rate.
 */
export function ratioSpread(value: number[], base: number[]): RatioSpread {
  const ratios = value.map((v, i) => v / (base[i] as number));
  return { median: median(ratios), low: quantile(ratios, 0.25), high: quantile(ratios, 0.75) };
}

/**
 * Runs every measure `rounds` times, the contenders taking turns (in an order that alternates),
 * so that a slow spell of the disk or the machine falls on all of them alike.
 */
export async function measureRounds(
  contenders: Contender[],
  rounds: number = workload.rounds,
): Promise<Map<string, Samples>> {
  const samples = new Map<string, Samples>(
    contenders.map((c) => [c.name, { singleAppends: [], batchAppends: [], streamReads: [], globalRead: [] }]),
  );
  const turns = (round: number) => (round % 2 === 0 ? contenders : [...contenders].reverse());
  const work: Record<Measure, (contender: Contender, round: number) => Promise<number>> = {
    singleAppends: async (c, round) => {
      await c.appendSingles(round);
      return workload.singleAppends;
    },
    batchAppends: async (c, round) => {
      await c.appendBatches(round);
      return workload.batches * workload.batchSize;
    },
    streamReads: (c) => c.readStreams(),
    globalRead: (c) => c.readAll(),
  };
  for (const name of measures) {
    // One round each first, untimed: the code paths warm up (JIT, caches) before they are measured.
    for (const contender of contenders) await work[name](contender, rounds);
    for (let round = 0; round < rounds; round++) {
      for (const contender of turns(round)) {
        samples.get(contender.name)?.[name].push(await eventsPerSecond(() => work[name](contender, round)));
      }
    }
  }
  return samples;
}
