import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContractDirectory, type RunningProcess, runProcess, VirtualClock } from '@hotline/platform';
// The product's own list and demo, by path: the standalone package depends on this one, not the reverse.
import { loadDemoHotline } from '../../standalone/src/demo/demo-loader.ts';
import { hotlineServices } from '../../standalone/src/hotline-services.ts';

/** A Wednesday morning in late November, Paris time: the demo holds the year so far, some tickets open. */
export const DEMO_NOW = Date.parse('2026-11-25T10:00:00+01:00');

export interface DemoProduct {
  readonly running: RunningProcess;
  readonly clock: VirtualClock;
  readonly url: string;
  getJson<T = Record<string, unknown>>(path: string): Promise<T>;
  stop(): Promise<void>;
}

/** The embedded product as `npm start` runs it, on a temp SQLite file, a free port and a virtual clock. */
export async function startDemoProduct(): Promise<DemoProduct> {
  const directory = mkdtempSync(join(tmpdir(), 'hotline-dashboard-'));
  const clock = new VirtualClock(DEMO_NOW);
  const running = await runProcess({
    name: 'hotline-dashboard-e2e',
    description: 'The embedded product under the dashboard tests',
    env: { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', SQLITE_FILE: join(directory, 'hotline.sqlite') },
    clock,
    async prepare(context) {
      const contracts = new ContractDirectory().start(context.store);
      await loadDemoHotline({ ...context, contracts }, context.clock.now(), context.logger);
      await contracts.stop();
    },
    services: hotlineServices,
  });
  return {
    running,
    clock,
    url: running.url,
    async getJson<T>(path: string) {
      const response = await fetch(`${running.url}${path}`);
      if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
      return (await response.json()) as T;
    },
    async stop() {
      await running.stop();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
