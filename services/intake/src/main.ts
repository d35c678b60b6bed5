import { runProcess } from '@hotline/platform';
import { loadConfigOrExit } from '@hotline/runtime';
import { upstreamSystemsConfig } from './inbound/upstream-systems.ts';
import { createIntakeService } from './intake-service.ts';

const { UPSTREAM_SYSTEMS } = loadConfigOrExit(upstreamSystemsConfig);

// Intake alone, in distributed mode: its store, bus and port come from the environment (README, "Distributed mode").
await runProcess({
  name: 'intake',
  description:
    'The door for everything that comes from outside the hotline: tickets, client messages, contracts, agents.',
  services: (context) => [createIntakeService(context, { upstreamSystems: UPSTREAM_SYSTEMS })],
});
