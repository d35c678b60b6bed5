import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContractDirectory, runProcess, settled, VirtualClock } from '@hotline/platform';
import { loadDemoHotline } from '../../src/demo/demo-loader.ts';
import { hotlineServices } from '../../src/hotline-services.ts';
import { accessWithKeys, embeddedTestEnv } from '../hotline-api.ts';
import type { ApiOperation } from './api-operations.ts';
import type { FuzzRequest } from './fuzz-requests.ts';

/** A key per role, so that each operation is fuzzed past access control, by a caller it lets in. */
const FUZZ_KEYS = {
  manager: { role: 'manager' },
  agent: { role: 'agent' },
  auditor: { role: 'auditor' },
  system: { role: 'system', system: 'erp' },
  client: { role: 'client', clients: ['ACME'] },
} as const;

/**
 * The embedded product on a SQLite file, loaded with the demo hotline a month into the year
 * (contracts, agents, tickets in every state to aim at). The clock stands still, so no SLA timer
 * fires during the run: whatever the store gains, the fuzzed input caused.
 */
export async function startFuzzedProduct(name: string) {
  const directory = mkdtempSync(join(tmpdir(), `${name}-`));
  const access = accessWithKeys(directory, FUZZ_KEYS);
  const running = await runProcess({
    name,
    description: 'The embedded product under fuzzing',
    env: {
      ...embeddedTestEnv(directory, access),
      // Thousands of requests per key: the rate limit is not what is fuzzed.
      RATE_LIMIT_MAX: '1000000',
      RATE_LIMIT_ANONYMOUS_MAX: '1000000',
    },
    clock: new VirtualClock(Date.parse('2026-02-02T10:00:00+01:00')),
    async prepare(context) {
      const contracts = new ContractDirectory().start(context.store);
      await loadDemoHotline({ ...context, contracts }, context.clock.now(), context.logger);
      await contracts.stop();
    },
    services: hotlineServices,
  });
  await settled(running.context.store);
  return {
    running,
    /** The request with the key of a role the operation lets in: the manager's wherever it may call. */
    asCaller(operation: ApiOperation, request: FuzzRequest): FuzzRequest {
      const roles = operation.roles === 'public' ? ['manager'] : operation.roles;
      const role = (roles.includes('manager') ? 'manager' : roles[0]) as keyof typeof FUZZ_KEYS;
      return { ...request, headers: { 'x-api-key': access.keys[role], ...request.headers } };
    },
    async stop() {
      await running.stop();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
