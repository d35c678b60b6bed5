import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { playWorkedExample, type TicketCommand, workedExamples } from '@hotline/domain';
import { type RunningProcess, runProcess, VirtualClock } from '@hotline/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hotlineServices } from '../src/hotline-services.ts';
import { accessWithKeys, call } from './hotline-api.ts';

const directory = mkdtempSync(join(tmpdir(), 'hotline-examples-'));
// The examples' commands are the client's, the agents' and the manager's: the manager may send each.
const { env: accessEnv, keys } = accessWithKeys(directory, { manager: { role: 'manager' } });
const clock = new VirtualClock(Date.parse('2025-12-15T10:00:00+01:00'));
let running: RunningProcess;

beforeAll(async () => {
  running = await runProcess({
    name: 'hotline-examples',
    description: 'The worked examples through the HTTP APIs',
    clock,
    env: {
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      SQLITE_FILE: join(directory, 'hotline.sqlite'),
      ...accessEnv,
    },
    services: hotlineServices,
  });
});

afterAll(async () => {
  await running?.stop();
  rmSync(directory, { recursive: true, force: true });
});

async function send(method: string, path: string, body: object) {
  const response = await call(running.url, method, path, body, keys.manager);
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** Each domain command of an example as the HTTP call a client, an agent or a manager would make. */
async function overHttp(command: TicketCommand, ticketIds: Map<string, string>): Promise<void> {
  const occurredAt = command.at;
  if (command.type === 'ReceiveTicket') {
    const { type: _type, ticketId, coverage: _coverage, at: _at, ...request } = command;
    const ticket = await send('POST', '/tickets', { ...request, externalId: ticketId, occurredAt });
    ticketIds.set(ticketId, ticket.ticketId);
    return;
  }
  const path = `/tickets/${ticketIds.get(command.ticketId)}`;
  switch (command.type) {
    case 'TakeCharge':
      return void (await send('POST', `${path}/take-charge`, { by: command.by, occurredAt }));
    case 'RequestCustomerInput':
      return void (await send('POST', `${path}/customer-questions`, {
        question: command.question,
        by: command.by,
        occurredAt,
      }));
    case 'RecordCustomerReply':
      return void (await send('POST', `${path}/messages`, {
        kind: 'reply',
        message: command.message,
        by: command.by,
        occurredAt,
      }));
    case 'ProvideWorkaround':
      return void (await send('POST', `${path}/workarounds`, {
        description: command.description,
        by: command.by,
        occurredAt,
      }));
    case 'ResolveTicket':
      return void (command.how === 'answer'
        ? await send('POST', `${path}/answers`, {
            kind: 'functional',
            text: 'How to export',
            by: command.by,
            occurredAt,
          })
        : await send('POST', `${path}/fixes`, { how: 'fix', note: 'Corrected', by: command.by, occurredAt }));
    case 'ReopenTicket':
      return void (await send('POST', `${path}/reopening`, { reason: command.reason, by: command.by, occurredAt }));
    case 'RequalifyTicket':
      return void (await send('POST', `${path}/requalification`, {
        ...(command.priority === undefined ? {} : { priority: command.priority }),
        reason: command.reason,
        by: command.by,
        occurredAt,
      }));
    default:
      throw new Error(`no HTTP call for ${command.type} in the worked examples`);
  }
}

describe('the worked examples of DOMAIN.md through the HTTP APIs', () => {
  it('give, over HTTP with explicit times, the SLA outcomes the domain computes', async () => {
    for (const contract of new Map(
      workedExamples.flatMap((example) => example.contracts).map((each) => [each.contractId, each]),
    ).values()) {
      const terms = contract.versions[0]!.terms;
      await send('POST', '/contracts', {
        contractId: contract.contractId,
        clientId: contract.clientId,
        reference: contract.reference,
        terms,
        effectiveFrom: '2026-01-01T00:00:00+01:00',
        by: 'sales',
      });
    }
    const steps = workedExamples
      .flatMap((example) => example.commands.map((command) => ({ example, command })))
      .sort((a, b) => Date.parse(a.command.at) - Date.parse(b.command.at));
    const checks = [...workedExamples].sort((a, b) => Date.parse(a.now) - Date.parse(b.now));
    const ticketIds = new Map<string, string>();
    for (const example of checks) {
      // Play every step up to this example's reading instant, in time order, on the virtual clock.
      while (steps.length > 0 && Date.parse(steps[0]!.command.at) <= Date.parse(example.now)) {
        const { command } = steps.shift()!;
        await clock.advanceTo(Date.parse(command.at));
        await overHttp(command, ticketIds);
      }
      await clock.advanceTo(Date.parse(example.now));
      const expected = playWorkedExample(example).sla.evaluation;
      const ticketId = ticketIds.get(example.commands[0]!.ticketId);
      const sla = (await call(running.url, 'GET', `/tickets/${ticketId}/sla`, undefined, keys.manager)).body;
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
    }
  });
});
