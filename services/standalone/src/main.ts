import { createIntakeService } from '@hotline/intake';
import { ContractDirectory, runProcess } from '@hotline/platform';
import { createReportingService } from '@hotline/reporting';
import { createResolutionService } from '@hotline/resolution';
import { createSlaClockService } from '@hotline/sla-clock';
import { createTriageService } from '@hotline/triage';
import { printBanner } from './banner.ts';
import { loadDemoHotline } from './demo/demo-loader.ts';

// The whole product in one process on the embedded adapters: SQLite file, in-process bus, memory read models.
let demo = { tickets: 0, loadMs: 0 };
await runProcess({
  name: 'hotline',
  description: 'The hotline in one process: intake, triage, resolution, SLA clock, reporting.',
  // The demo is history: written before the services start, which then catch up with it like any restart.
  async prepare(context) {
    const started = Date.now();
    const contracts = new ContractDirectory().start(context.store);
    const tickets = await loadDemoHotline({ ...context, contracts }, context.clock.now(), context.logger);
    await contracts.stop();
    demo = { tickets, loadMs: Date.now() - started };
  },
  services: (context) => [
    createIntakeService(context),
    createTriageService(context),
    createResolutionService(context),
    createSlaClockService(context),
    createReportingService(context),
  ],
  async afterStart(running) {
    printBanner(running, demo.tickets, demo.loadMs);
  },
});
