import { runProcess } from '@hotline/platform';
import { loadConfigOrExit } from '@hotline/runtime';
import { z } from 'zod';
import { createDashboardService } from './dashboard-service.ts';

const upstreamConfig = z.object({
  REPORTING_URL: z.url().describe('Base URL of the reporting service'),
  SLA_CLOCK_URL: z.url().describe('Base URL of the SLA clock service'),
});
const { REPORTING_URL, SLA_CLOCK_URL } = loadConfigOrExit(upstreamConfig);

// The dashboard alone, in distributed mode: the page, the event stream from Kafka, the reads relayed.
await runProcess({
  name: 'dashboard',
  description: "The hotline manager's dashboard.",
  services: (context) => [
    createDashboardService(context, { upstreams: { reporting: REPORTING_URL, slaClock: SLA_CLOCK_URL } }),
  ],
});
