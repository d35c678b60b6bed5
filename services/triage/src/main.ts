import { runProcess } from '@hotline/platform';
import { createTriageService } from './triage-service.ts';

// Triage alone, in distributed mode: any number of replicas share the Kafka consumer group.
await runProcess({
  name: 'triage',
  description: 'Requalification, coverage by contract, assignment by skills and load.',
  services: (context) => [createTriageService(context)],
});
