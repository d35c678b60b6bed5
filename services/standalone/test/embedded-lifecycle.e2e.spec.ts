import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningProcess, runProcess, streams } from '@hotline/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hotlineServices } from '../src/hotline-services.ts';
import { accessWithKeys, embeddedTestEnv, LIFECYCLE_KEYS, lifecycleEvents, ticketLifecycle } from './hotline-api.ts';

let running: RunningProcess;
const directory = mkdtempSync(join(tmpdir(), 'hotline-e2e-'));
const access = accessWithKeys(directory, LIFECYCLE_KEYS);

beforeAll(async () => {
  running = await runProcess({
    name: 'hotline-e2e',
    description: 'The embedded product under test',
    env: embeddedTestEnv(directory, access),
    services: hotlineServices,
  });
});

afterAll(async () => {
  await running?.stop();
  rmSync(directory, { recursive: true, force: true });
});

describe('the embedded product', () => {
  it('carries a ticket through its whole life: intake, triage, resolution, the client, the SLA clock, each with its key', async () => {
    const { ticketId, assignee } = await ticketLifecycle({
      intake: running.url,
      triage: running.url,
      resolution: running.url,
      slaClock: running.url,
      keys: access.keys,
    });
    const stream = await running.context.store.readStream(streams.ticket(ticketId));
    expect(stream.map((event) => event.type)).toEqual(lifecycleEvents);
    expect(stream[1]).toMatchObject({ type: 'TicketAssigned', actor: 'triage', data: { agentId: assignee } });
    expect(await running.context.store.verify({ stream: streams.ticket(ticketId) })).toMatchObject({ ok: true });
  });
});
