import { runProcess } from '@hotline/platform';
import { createReportingService } from './reporting-service.ts';

// Reporting alone, in distributed mode: its store, bus and port come from the environment.
await runProcess({
  name: 'reporting',
  description: 'Projections, indicators, penalties and audit.',
  services: (context) => [createReportingService(context)],
});
