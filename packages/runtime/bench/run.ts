// `pnpm --filter @hotline/runtime bench`: Node 24 runs this file directly (type stripping).
import { accessBench } from './access.bench.ts';

const quick = process.argv.includes('--quick');

await accessBench({ requests: quick ? 500 : 3_000, rounds: quick ? 3 : 7 });
