import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContractDirectory, runProcess, VirtualClock } from '@hotline/platform';
import { loadDemoHotline } from '../../src/demo/demo-loader.ts';
import { hotlineServices } from '../../src/hotline-services.ts';
import { settled } from './store-checks.ts';

/**
 * The embedded product on a SQLite file, loaded with the demo hotline a month into the year
 * (contracts, agents, tickets in every state to aim at). The clock stands still, so no SLA timer
 * fires during the run: whatever the store gains, the fuzzed input caused.
 */
export async function startFuzzedProduct(name: string) {
  const directory = mkdtempSync(join(tmpdir(), `${name}-`));
  const running = await runProcess({
    name,
    description: 'The embedded product under fuzzing',
    env: { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', SQLITE_FILE: join(directory, 'hotline.sqlite') },
    clock: new VirtualClock(Date.parse('2026-02-02T10:00:00+01:00')),
    async prepare(context) {
      const contracts = new ContractDirectory().start(context.store);
      await loadDemoHotline({ ...context, contracts }, context.clock.now(), context.logger);
      await contracts.stop();
    },
    services: hotlineServices,
  });
  await settled(running.context.store);
  return {
    running,
    async stop() {
      await running.stop();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
