import { join } from 'node:path';
import { acmeMaintenanceTerms } from '@hotline/domain';
import { type NewApiKey, writeNewApiKeys } from '@hotline/runtime';
import { expect } from 'vitest';

/** The keys a ticket's life is carried with: each step by the role that takes it. */
export const LIFECYCLE_KEYS = {
  manager: { role: 'manager', label: 'Hotline manager' },
  agent: { role: 'agent', label: 'Agent' },
  client: { role: 'client', clients: ['ACME'], label: 'ACME portal' },
} as const satisfies Record<string, NewApiKey>;
export type LifecycleKeys = Record<keyof typeof LIFECYCLE_KEYS, string>;

/**
 * Access control as the product has it by default: the keys asked for, made into a keys file of
 * `directory`, and the settings that name it; the keys' texts to call with.
 */
export function accessWithKeys<Name extends string>(directory: string, requests: Readonly<Record<Name, NewApiKey>>) {
  const file = join(directory, 'api-keys.json');
  return { env: { AUTH: 'on', API_KEYS_FILE: file }, keys: writeNewApiKeys(file, requests, new Date()) };
}

/** The settings of an embedded product under test: a free port on loopback, no logs, its SQLite file and its keys in `directory`. */
export function embeddedTestEnv(
  directory: string,
  access: { readonly env: Readonly<Record<string, string>> },
  sqliteFile = 'hotline.sqlite',
) {
  return {
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    SQLITE_FILE: join(directory, sqliteFile),
    ...access.env,
  };
}

/** Where each service answers: one URL in the embedded product, one per process in distributed mode. */
export interface Endpoints {
  readonly intake: string;
  readonly triage: string;
  readonly resolution: string;
  readonly slaClock: string;
  readonly keys: LifecycleKeys;
}

/** A call with an API key (`x-api-key`, as the README shows it); without one, anonymous. */
export async function call(base: string, method: string, path: string, body?: unknown, key?: string) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(key === undefined ? {} : { 'x-api-key': key }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text.length > 0 ? JSON.parse(text) : undefined };
}

export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function ok(base: string, method: string, path: string, body: unknown, key: string) {
  const response = await call(base, method, path, body, key);
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

const contact = 'contact-acme';

/**
 * A ticket's whole life through the HTTP APIs, each step by the service that owns it: intake takes
 * the request in, triage dispatches it, the agent works it through resolution, the client answers
 * and reopens through intake and resolution. Returns the ticket id and the dispatched agent.
 */
export async function ticketLifecycle(api: Endpoints): Promise<{ ticketId: string; assignee: string }> {
  const { manager, agent, client } = api.keys;
  await ok(
    api.intake,
    'POST',
    '/contracts',
    {
      contractId: 'ACME-M',
      clientId: 'ACME',
      reference: 'ACME-M-2026',
      terms: acmeMaintenanceTerms,
      effectiveFrom: '2026-01-01T00:00:00+01:00',
      by: 'sales',
    },
    manager,
  );
  for (const [agentId, level] of [
    ['agent-ada', 'expert'],
    ['agent-bob', 'confirmed'],
  ] as const) {
    await ok(api.intake, 'POST', '/agents', { agentId, name: agentId, role: 'agent', by: 'manager-eve' }, manager);
    await ok(
      api.intake,
      'PUT',
      `/agents/${agentId}/skills`,
      { skills: [{ product: 'ERP', level }], by: 'manager-eve' },
      manager,
    );
  }
  // Triage dispatches from its own view of the agents: let it see both before the ticket comes.
  await eventually(async () => {
    const agents = await call(api.triage, 'GET', '/triage/agents', undefined, agent);
    return agents.body?.agents?.length === 2 ? true : undefined;
  });

  const submitted = await ok(
    api.intake,
    'POST',
    '/tickets',
    {
      externalId: 'E2E-1',
      clientId: 'ACME',
      product: 'ERP',
      version: '12.4',
      environment: 'production',
      nature: 'malfunction',
      priority: 'P2',
      description: 'Invoices fail to post',
      reproductionSteps: 'Post any invoice',
      reportedBy: contact,
    },
    client,
  );
  expect(submitted).toMatchObject({ status: 'received', coverage: { status: 'covered', contractId: 'ACME-M' } });
  const ticketId: string = submitted.ticketId;
  const ticket = `/tickets/${ticketId}`;

  const dispatched = await eventually(async () => {
    const read = await call(api.intake, 'GET', ticket, undefined, client);
    return read.body?.assignee === undefined ? undefined : read.body;
  });
  const assignee: string = dispatched.assignee;
  expect(['agent-ada', 'agent-bob']).toContain(assignee);

  expect(await ok(api.resolution, 'POST', `${ticket}/take-charge`, { by: assignee }, agent)).toMatchObject({
    status: 'taken_charge',
  });
  expect(
    await ok(
      api.resolution,
      'POST',
      `${ticket}/customer-questions`,
      { question: 'Which invoice?', by: assignee },
      agent,
    ),
  ).toMatchObject({
    status: 'awaiting_customer',
  });
  expect(
    await ok(api.intake, 'POST', `${ticket}/messages`, { kind: 'reply', message: 'Invoice 42', by: contact }, client),
  ).toMatchObject({
    status: 'in_progress',
  });
  expect(
    await ok(api.resolution, 'POST', `${ticket}/workarounds`, { description: 'Post manually', by: assignee }, agent),
  ).toMatchObject({
    status: 'workaround_provided',
  });
  expect(
    await ok(api.resolution, 'POST', `${ticket}/fixes`, { how: 'fix', note: 'Corrected posting', by: assignee }, agent),
  ).toMatchObject({
    status: 'resolved',
  });
  expect(
    await ok(api.resolution, 'POST', `${ticket}/reopening`, { reason: 'Fails again', by: contact }, client),
  ).toMatchObject({
    status: 'in_progress',
    reopenCount: 1,
  });
  expect(
    await ok(api.resolution, 'POST', `${ticket}/fixes`, { how: 'fix', note: 'Second fix', by: assignee }, agent),
  ).toMatchObject({
    status: 'resolved',
  });
  expect(
    await ok(api.resolution, 'POST', `${ticket}/closing`, { reason: 'confirmed_by_client', by: contact }, client),
  ).toMatchObject({
    status: 'closed',
  });
  // A closed ticket stays closed: the client's late reopening is refused with a problem document.
  const late = await call(api.resolution, 'POST', `${ticket}/reopening`, { reason: 'Again', by: contact }, client);
  expect(late).toMatchObject({ status: 409, body: { code: 'ticket.closed' } });

  const sla = await ok(api.slaClock, 'GET', `${ticket}/sla`, undefined, client);
  expect(sla.targets.map((target: { target: string; status: string }) => [target.target, target.status])).toEqual([
    ['takeCharge', 'met'],
    ['workaround', 'met'],
    ['resolution', 'met'],
  ]);
  expect(sla.withinDeadlines).toBe(true);
  return { ticketId, assignee };
}

/** The ticket's stream, event types in order, as the lifecycle above must leave it. */
export const lifecycleEvents = [
  'TicketReceived',
  'TicketAssigned',
  'TicketTakenCharge',
  'TicketWorkStarted',
  'CustomerInputRequested',
  'CustomerReplied',
  'WorkaroundProvided',
  'TicketResolved',
  'TicketReopened',
  'TicketResolved',
  'TicketClosed',
];
