import { parseArgs } from 'node:util';
import { openSqliteStore } from '@hotline/eventstore';
import { domainUpcaster } from '@hotline/platform';
import { Redis } from 'ioredis';
import { Projector } from '../projections/projector.ts';
import { RedisRecordStore } from '../projections/redis-record-store.ts';
import { replayProgressBar } from './progress-bar.ts';
import { rebuildRecords } from './rebuild.ts';

// `pnpm --filter @hotline/reporting rebuild [--sqlite file] [--redis url --prefix p]`: every projection
// rebuilt from the store. With Redis, the result is written as a new generation, switched to at once,
// then brought up to the events recorded meanwhile (each applied once, gaps filled from the store).
const { values } = parseArgs({
  options: {
    sqlite: { type: 'string', default: process.env.SQLITE_FILE ?? './data/hotline.sqlite' },
    redis: { type: 'string', default: process.env.REDIS_URL },
    prefix: { type: 'string', default: '{reporting}' },
  },
});

const store = await openSqliteStore({ file: values.sqlite, upcast: domainUpcaster });
const bar = replayProgressBar('rebuild');
const started = performance.now();
try {
  const rebuilt = await rebuildRecords(store, { onProgress: ({ done, total }) => bar.update(done, total) });
  bar.stop();
  const seconds = (performance.now() - started) / 1000;
  const kinds = new Map<string, number>();
  for (const { record } of rebuilt.records.values()) kinds.set(record.kind, (kinds.get(record.kind) ?? 0) + 1);
  process.stdout.write(
    `Rebuilt ${rebuilt.records.size} records up to position ${rebuilt.position} in ${seconds.toFixed(1)} s: ${[...kinds]
      .map(([kind, count]) => `${count} ${kind}`)
      .join(', ')}\n`,
  );
  if (values.redis !== undefined) {
    const redis = new Redis(values.redis);
    try {
      const records = new RedisRecordStore({ redis, prefix: values.prefix });
      await records.replaceAll(rebuilt.records);
      const projector = new Projector(records, store);
      let caughtUp = 0;
      for (let after = rebuilt.position; ; ) {
        const page = await store.readAll({ after, maxCount: 1_000 });
        if (page.length === 0) break;
        for (const event of page) if ((await projector.apply(event)) === 'applied') caughtUp++;
        after = page.at(-1)!.position;
      }
      process.stdout.write(`Switched ${values.prefix} to the rebuilt generation; ${caughtUp} later events applied.\n`);
    } finally {
      redis.disconnect();
    }
  }
} finally {
  bar.stop();
  await store.close();
}
