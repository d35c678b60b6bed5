import { upstreamSystemsConfig } from '@hotline/intake';
import { ContractDirectory, runProcess } from '@hotline/platform';
import { loadConfigOrExit } from '@hotline/runtime';
import { printBanner } from './banner.ts';
import { type DemoKeys, prepareDemoKeys } from './demo/demo-keys.ts';
import { loadDemoHotline } from './demo/demo-loader.ts';
import { hotlineServices } from './hotline-services.ts';

// The whole product in one process on the embedded adapters: SQLite file, in-process bus, memory read models.
const { UPSTREAM_SYSTEMS } = loadConfigOrExit(upstreamSystemsConfig);
let keys: DemoKeys | undefined;
let demo = { tickets: 0, loadMs: 0 };
await runProcess({
  name: 'hotline',
  description: 'The hotline in one process: intake, triage, resolution, SLA clock, reporting.',
  // Access control is on by default: the demo's keys exist before the process reads its keys file.
  env: () => {
    keys = prepareDemoKeys(process.env, new Date());
    return keys.env;
  },
  // The demo is history: written before the services start, which then catch up with it like any restart.
  async prepare(context) {
    const started = Date.now();
    const contracts = new ContractDirectory().start(context.store);
    const tickets = await loadDemoHotline({ ...context, contracts }, context.clock.now(), context.logger);
    await contracts.stop();
    demo = { tickets, loadMs: Date.now() - started };
  },
  services: (context) => hotlineServices(context, { intake: { upstreamSystems: UPSTREAM_SYSTEMS } }),
  async afterStart(running) {
    printBanner(running, demo.tickets, demo.loadMs, keys);
  },
});
