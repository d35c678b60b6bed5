/**
 * One seed per run, for every property of the run: fast-check prints it with the failing case, and
 * `FUZZ_SEED=<seed>` replays the run. `FUZZ_RUNS` sets the cases per property for a longer search.
 */
export const fuzzSeed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));

export function fuzzRuns(usual: number): number {
  const asked = Number(process.env.FUZZ_RUNS);
  return Number.isSafeInteger(asked) && asked > 0 ? asked : usual;
}
