import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { playWorkedExample, workedExamples } from '@hotline/domain';
import { createApiKey, writeApiKeysFile } from '@hotline/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import type { HotlineService } from '../service/hotline-service.ts';
import { seedWorkedExamples } from '../testing/seed-worked-examples.ts';
import { type RunningProcess, runProcess } from './run-process.ts';

const example = workedExamples[0]!;
const ticketId = playWorkedExample(example).events[0]!.ticketId;
const clientId = example.contracts[0]!.clientId;

// A service with one client-scoped route and one undeclared, as the services will have them.
const tickets: HotlineService = {
  name: 'tickets',
  registerRoutes(app) {
    app.get(
      '/tickets/:ticketId',
      { config: { access: { roles: ['client', 'agent'], client: { ticketId: 'params.ticketId' } } } },
      async () => ({ ok: true }),
    );
    app.get('/triage/rules', async () => ({ ok: true }));
  },
  start: async () => {},
  stop: async () => {},
};

/** A port nothing listens on (free a moment ago). */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 1));
    });
  });
}

let running: RunningProcess | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

async function start(env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-process-'));
  running = await runProcess({
    name: 'access-test',
    description: 'access control wiring',
    services: () => [tickets],
    prepare: (context) => seedWorkedExamples(context.store),
    env: { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', SQLITE_FILE: join(dir, 'store.sqlite'), ...env },
  });
  return { running, dir };
}

describe('a process with access control', () => {
  it('enforces the routes declarations with the keys file and the ticket owner read from the store', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hotline-keys-'));
    const now = new Date();
    const own = createApiKey({ role: 'client', clients: [clientId] }, now);
    const other = createApiKey({ role: 'client', clients: ['someone-else'] }, now);
    const agent = createApiKey({ role: 'agent' }, now);
    const file = join(dir, 'keys.json');
    writeApiKeysFile(file, { keys: [own.record, other.record, agent.record] });
    const { running } = await start({ AUTH: 'on', API_KEYS_FILE: file });
    const get = (path: string, key?: string) =>
      fetch(`${running.url}${path}`, key === undefined ? {} : { headers: { 'x-api-key': key } }).then((r) => r.status);
    expect(await get(`/tickets/${ticketId}`)).toBe(401);
    expect(await get(`/tickets/${ticketId}`, own.text)).toBe(200);
    expect(await get(`/tickets/${ticketId}`, other.text)).toBe(403);
    expect(await get(`/tickets/${ticketId}`, agent.text)).toBe(200);
    expect(await get('/triage/rules', agent.text)).toBe(403);
    expect(await get('/healthz')).toBe(200);
  });

  it('serves requests unlimited rather than wait while the rate limits cannot reach Redis', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hotline-keys-'));
    const agent = createApiKey({ role: 'agent' }, new Date());
    const file = join(dir, 'keys.json');
    writeApiKeysFile(file, { keys: [agent.record] });
    // Nothing listens there: the process's own Redis client keeps trying in the background.
    const { running } = await start({
      AUTH: 'on',
      API_KEYS_FILE: file,
      REDIS_URL: `redis://127.0.0.1:${await closedPort()}`,
    });
    const response = await fetch(`${running.url}/tickets/${ticketId}`, {
      headers: { 'x-api-key': agent.text },
      signal: AbortSignal.timeout(5_000),
    });
    expect(response.status).toBe(200);
  });

  it('changes nothing with AUTH=off, for local experiments', async () => {
    const { running } = await start({ AUTH: 'off' });
    expect((await fetch(`${running.url}/tickets/${ticketId}`)).status).toBe(200);
    expect((await fetch(`${running.url}/triage/rules`)).status).toBe(200);
  });
});
