import { runProcess } from '@hotline/platform';
import { createResolutionService } from './resolution-service.ts';

// Resolution alone, in distributed mode: its store, bus and port come from the environment.
await runProcess({
  name: 'resolution',
  description: "Agents' work: answers, workarounds, fixes, patches, knowledge base, closing and reopening.",
  services: (context) => [createResolutionService(context)],
});
