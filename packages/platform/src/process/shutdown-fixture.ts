/**
 * A process of the hotline for the shutdown test, run as a child process: one route answered at
 * once and one never answered, graceful shutdown as every process has it. Logs JSON lines on stdout.
 */
import { runProcess } from './run-process.ts';

await runProcess({
  name: 'shutdown-test',
  description: 'graceful shutdown under open connections',
  services: () => [
    {
      name: 'reports',
      registerRoutes(app) {
        app.get('/reports/activity-report/:year', async () => ({ year: 2026 }));
        app.get('/hung', async (request) => {
          request.log.info('hung request entered');
          await new Promise(() => {});
        });
      },
      start: async () => {},
      stop: async () => {},
    },
  ],
});
