import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { playWorkedExample } from '@hotline/domain';
import { type RunningProcess, runProcess, VirtualClock } from '@hotline/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hotlineServices } from '../src/hotline-services.ts';
import { accessWithKeys, call, embeddedTestEnv } from './hotline-api.ts';
import { playWorkedExamplesOverHttp } from './steering-worked-examples.ts';

const directory = mkdtempSync(join(tmpdir(), 'hotline-examples-'));
// The examples' commands are the client's, the agents' and the manager's: the manager may send each.
const access = accessWithKeys(directory, { manager: { role: 'manager' } });
const clock = new VirtualClock(Date.parse('2025-12-15T10:00:00+01:00'));
let running: RunningProcess;

beforeAll(async () => {
  running = await runProcess({
    name: 'hotline-examples',
    description: 'The worked examples through the HTTP APIs',
    clock,
    env: embeddedTestEnv(directory, access),
    services: hotlineServices,
  });
});

afterAll(async () => {
  await running?.stop();
  rmSync(directory, { recursive: true, force: true });
});

describe('the worked examples of DOMAIN.md through the HTTP APIs', () => {
  it('give, over HTTP with explicit times, the SLA outcomes the domain computes', async () => {
    await playWorkedExamplesOverHttp(running.url, clock, {
      key: access.keys.manager,
      async atReading(example, ticketIds) {
        const expected = playWorkedExample(example).sla.evaluation;
        const ticketId = ticketIds.get(example.commands[0]!.ticketId);
        const sla = (await call(running.url, 'GET', `/tickets/${ticketId}/sla`, undefined, access.keys.manager)).body;
        const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());
        expect(
          sla.targets.map((target: { target: string; dueAt: string | null; status: string }) => [
            target.target,
            target.dueAt,
            target.status,
          ]),
          `example ${example.number}`,
        ).toEqual(expected.targets.map((target) => [target.target, iso(target.dueAt), target.status]));
        expect(sla).toMatchObject({ overrunDays: expected.overrunDays, withinDeadlines: expected.withinDeadlines });
      },
    });
  });
});
