import { createIntakeService } from '@hotline/intake';
import { runProcess } from '@hotline/platform';
import { createReportingService } from '@hotline/reporting';
import { createResolutionService } from '@hotline/resolution';
import { createSlaClockService } from '@hotline/sla-clock';
import { printBanner } from './banner.ts';
import { loadDemoHotline } from './demo/demo-loader.ts';

// The whole product in one process on the embedded adapters: SQLite file, in-process bus, memory read models.
let intake: ReturnType<typeof createIntakeService> | undefined;
await runProcess({
  name: 'hotline',
  description: 'The hotline in one process: intake, triage, resolution, SLA clock, reporting.',
  services: (context) => {
    intake = createIntakeService(context);
    return [intake, createResolutionService(context), createSlaClockService(context), createReportingService(context)];
  },
  async afterStart(running) {
    const started = Date.now();
    const loaded = await loadDemoHotline(
      { ...running.context, contracts: intake!.contracts },
      running.context.clock.now(),
      running.logger,
    );
    printBanner(running, loaded, Date.now() - started);
  },
});
