import { runProcess } from '@hotline/platform';
import { createSlaClockService } from './sla-clock-service.ts';

// The SLA clock alone, in distributed mode: its store, bus and port come from the environment.
await runProcess({
  name: 'sla-clock',
  description: 'Deadlines per ticket, timers, warnings and breaches.',
  services: (context) => [createSlaClockService(context)],
});
