import { type Contender, type Measure, type Rates, workload } from './workload.ts';

async function eventsPerSecond(work: () => Promise<number>): Promise<number> {
  const startedAt = performance.now();
  const events = await work();
  return events / ((performance.now() - startedAt) / 1000);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/**
 * Runs every measure `workload.rounds` times, the contenders taking turns (in an order that
 * alternates), so that a slow spell of the disk or the machine falls on all of them alike.
 */
export async function measureRounds(contenders: Contender[]): Promise<Map<string, Rates>> {
  const samples = new Map<string, Record<Measure, number[]>>(
    contenders.map((c) => [c.name, { singleAppends: [], batchAppends: [], streamReads: [], globalRead: [] }]),
  );
  const turns = (round: number) => (round % 2 === 0 ? contenders : [...contenders].reverse());
  const measure = async (name: Measure, work: (contender: Contender, round: number) => Promise<number>) => {
    // One round each first, untimed: the code paths warm up (JIT, caches) before they are measured.
    for (const contender of contenders) await work(contender, workload.rounds);
    for (let round = 0; round < workload.rounds; round++) {
      for (const contender of turns(round)) {
        samples.get(contender.name)?.[name].push(await eventsPerSecond(() => work(contender, round)));
      }
    }
  };
  await measure('singleAppends', async (c, round) => {
    await c.appendSingles(round);
    return workload.singleAppends;
  });
  await measure('batchAppends', async (c, round) => {
    await c.appendBatches(round);
    return workload.batches * workload.batchSize;
  });
  await measure('streamReads', (c) => c.readStreams());
  await measure('globalRead', (c) => c.readAll());
  const rates = new Map<string, Rates>();
  for (const [name, sample] of samples) {
    rates.set(name, {
      singleAppends: median(sample.singleAppends),
      batchAppends: median(sample.batchAppends),
      streamReads: median(sample.streamReads),
      globalRead: median(sample.globalRead),
    });
  }
  return rates;
}
