// `pnpm bench`: the SQLite event store against raw node:sqlite (same schema, same durability,
// none of the store's logic) and against Emmett's SQLite event store, on one workload.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { costBreakdown } from './cost-breakdown.ts';
import { runEmmett } from './emmett-process.ts';
import { concurrentAppends, openHotlineStore } from './hotline-store.ts';
import { openRawSqlite } from './raw-sqlite.ts';
import { measureRounds, median, medianRates, type RatioSpread, ratioSpread } from './rounds.ts';
import { type Measure, workload } from './workload.ts';

const directory = mkdtempSync(join(tmpdir(), 'eventstore-bench-'));
const file = (name: string) => join(directory, `${name}.sqlite`);
type Figure = number | string | undefined;
const fmt = (value: Figure) => (typeof value === 'number' ? Math.round(value).toLocaleString('en') : (value ?? '—'));
const times = (value: Figure, base: Figure) =>
  typeof value === 'number' && typeof base === 'number' ? `${(value / base).toFixed(1)}×` : '—';
const percent = (value: number) => Math.round(value * 100);
const spread = ({ median, low, high }: RatioSpread) => `${percent(median)}% (${percent(low)}–${percent(high)})`;

try {
  const startedAt = performance.now();
  const raw = openRawSqlite(file('raw'));
  const store = await openHotlineStore(file('store'));
  const samples = await measureRounds([raw, store]);
  await Promise.all([raw.close(), store.close()]);
  const rawSamples = samples.get('raw');
  const storeSamples = samples.get('store');
  if (rawSamples === undefined || storeSamples === undefined) throw new Error('a contender has no results');
  const [rawRates, storeRates] = [medianRates(rawSamples), medianRates(storeSamples)];

  // Each run of the writers right after a single writer on a file of its own: the two rates of a
  // run meet the same state of the shared disk, so their ratio is what group commit brings.
  const [concurrentRates, singleWriterRates]: [number[], number[]] = [[], []];
  await concurrentAppends(file('concurrent-warm-up'), workload.concurrentWriters);
  for (let run = 0; run < workload.concurrentRuns; run++) {
    singleWriterRates.push(await concurrentAppends(file(`single-${run}`), 1, workload.singleAppends));
    concurrentRates.push(await concurrentAppends(file(`concurrent-${run}`), workload.concurrentWriters));
  }
  const concurrent = median(concurrentRates);
  const scaling = ratioSpread(concurrentRates, singleWriterRates);
  const emmett = await runEmmett(directory);

  const rows: [string, Measure, string][] = [
    ['single-event appends (1 tx each)', 'singleAppends', '≥ 70%'],
    [`${workload.batchSize}-event appends (1 tx each)`, 'batchAppends', '≥ 50%'],
    ['stream reads (JSON parsed)', 'streamReads', '—'],
    ['global log read (JSON parsed)', 'globalRead', '≥ 30%'],
  ];
  const table = rows.map(([label, key, goal]) => ({
    workload: label,
    'raw ev/s': fmt(rawRates[key]),
    'store ev/s': fmt(storeRates[key]),
    'store/raw': spread(ratioSpread(storeSamples[key], rawSamples[key])),
    goal,
    'Emmett ev/s': fmt(emmett.rates?.[key]),
    'store/Emmett': times(storeRates[key], emmett.rates?.[key]),
  }));
  table.push({
    workload: `${workload.concurrentWriters} concurrent writers, 1-event appends`,
    'raw ev/s': '—',
    'store ev/s': fmt(concurrent),
    'store/raw': `${scaling.median.toFixed(1)}× (${scaling.low.toFixed(1)}–${scaling.high.toFixed(1)}) 1 writer`,
    goal: '≥ 6× 1 writer',
    'Emmett ev/s': fmt(emmett.concurrent),
    'store/Emmett': times(concurrent, emmett.concurrent),
  });
  console.log('\nSQLite event store, events per second (WAL, synchronous=FULL: an fsync per commit)');
  console.log(
    [
      `median of ${workload.rounds} interleaved rounds (${workload.singleAppends} single appends each);`,
      "store/raw: median of the rounds' ratios (first–third quartile);",
      `Emmett: median of ${workload.emmettRounds} rounds; concurrent writers: median of ${workload.concurrentRuns} runs after a warm-up,`,
      `each against a single writer (${workload.singleAppends} appends) just before it\n`,
    ].join('\n'),
  );
  console.table(table);
  if (emmett.failure !== undefined) console.log(`Emmett: ${emmett.failure}`);
  if ((emmett.retries ?? 0) > 0) {
    console.log(
      `Emmett: ${emmett.retries} appends failed with SQLITE_BUSY "statements in progress" and were retried (timed).`,
    );
  }

  const commitMicros = 1_000_000 / rawRates.singleAppends;
  console.log('\nWhere the time goes');
  console.log(`  a durable commit (raw single append)  ${commitMicros.toFixed(0)} µs`);
  console.log(`  the store's single append            ${(1_000_000 / storeRates.singleAppends).toFixed(0)} µs`);
  for (const [what, micros] of Object.entries(costBreakdown())) {
    console.log(`  ${`${what}, per event`.padEnd(36)} ${micros.toFixed(2)} µs`);
  }
  console.log(
    [
      '\nThe commit (WAL append + fsync) dominates single appends; the store adds a revision check (a head',
      'lookup), canonical JSON and the hash (a lone append commits a microtask later, with no turn of the event',
      'loop). Batches are CPU-bound: canonical JSON and SHA-256 per event come on top of the insert. Reads pay',
      'for the envelope (bigint revisions and positions, one object per event) on top of JSON.parse. Concurrent',
      'writers share one fsync per group commit (they append together: the flush waits a turn of the event loop).',
    ].join('\n'),
  );
  console.log(`\n(${((performance.now() - startedAt) / 1000).toFixed(1)} s)`);
} finally {
  rmSync(directory, { recursive: true, force: true });
}
