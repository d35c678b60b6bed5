// `pnpm --filter @hotline/domain bench`: Node 24 runs this file directly (type stripping).
import { billingFoldBench } from './billing-fold.bench.ts';
import { calendarBench } from './calendar.bench.ts';

const quick = process.argv.includes('--quick');

calendarBench({
  cases: quick ? 40 : 400,
  seed: 20260507,
  naiveTimeBoxMs: quick ? 3_000 : 30_000,
  fastTimeBoxMs: quick ? 300 : 2_000,
});

billingFoldBench({ sizes: quick ? [500, 2_000] : [500, 2_000, 5_000], timeBoxMs: quick ? 200 : 1_000 });
