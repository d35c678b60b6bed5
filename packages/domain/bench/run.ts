// `pnpm --filter @hotline/domain bench`: Node 24 runs this file directly (type stripping).
import { calendarBench } from './calendar.bench.ts';

const quick = process.argv.includes('--quick');

calendarBench({
  cases: quick ? 40 : 400,
  seed: 20260507,
  naiveTimeBoxMs: quick ? 3_000 : 30_000,
  fastTimeBoxMs: quick ? 300 : 2_000,
});
