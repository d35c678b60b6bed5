import { describe, expect, it } from 'vitest';
import * as ticketEvents from '../../test/ticket-event-builders.ts';
import type { DomainError } from '../shared/domain-error.ts';
import type { Result } from '../shared/result.ts';
import { domainEventRegistry } from './domain-event-registry.ts';
import type { SchemaIssue } from './schema-issues.ts';

const { parseEvent } = domainEventRegistry;
const types = [...domainEventRegistry.registrations.keys()];

function issuesOf(result: Result<unknown, DomainError>): SchemaIssue[] {
  if (result.ok) throw new Error('expected a refusal');
  expect(result.error.code).toBe('event.invalid');
  return (result.error.details?.issues ?? []) as SchemaIssue[];
}

describe('every registered event schema', () => {
  it('registers the events of the ticket, the contract, the SLA clock and the small aggregates', () => {
    expect(types).toEqual(
      expect.arrayContaining([
        'TicketReceived',
        'ContractSigned',
        'AgentJoined',
        'PatchReleased',
        'AnnualObjectivesSet',
      ]),
    );
    // Ticket, contract, agent, article, patch, client, product, objectives, training, billing, documents, FAQ, SLA.
    expect(types).toHaveLength(22 + 5 + 4 + 3 + 2 + 5 + 4 + 1 + 3 + 3 + 2 + 2 + 2);
  });

  it.each(types)('%s refuses a malformed instant, naming the field and the reason', (type) => {
    const issues = issuesOf(parseEvent(type, 1, { at: 'yesterday' }));
    expect(issues).toContainEqual(
      expect.objectContaining({ path: ['at'], message: expect.stringMatching(/datetime/i) }),
    );
    for (const issue of issues) expect(issue.path.length).toBeGreaterThan(0);
  });
});

describe('reading ticket events', () => {
  const { informationRequested, ...others } = ticketEvents;
  const samples = [informationRequested(['version']), ...Object.values(others).map((build) => build())];

  it('covers every ticket event type', () => {
    expect(new Set(samples.map((event) => event.type)).size).toBe(22);
  });

  it.each(samples.map((event) => [event.type, event] as const))('%s reads back as written', (type, event) => {
    const { type: _type, schemaVersion, ...payload } = event;
    expect(parseEvent(type, schemaVersion, payload)).toEqual({ ok: true, value: event });
  });
});

describe('malformed fields are named by their path', () => {
  const received = ticketEvents.received();

  it.each([
    ['TicketReceived', { ...received, priority: 'P4' }, ['priority']],
    ['TicketReceived', { ...received, environment: 'staging' }, ['environment']],
    ['TicketReceived', { ...received, attachments: [{ name: 'log', uri: 'not a uri' }] }, ['attachments', 0, 'uri']],
    ['TicketReceived', { ...received, coverage: { status: 'maybe', contractId: null } }, ['coverage', 'status']],
    ['TicketReceived', { ...received, at: '2026-05-07T16:00:00' }, ['at']],
    ['PenaltySettled', { ...ticketEvents.penaltySettled(), amountCents: 12.5 }, ['amountCents']],
    ['TimeRecorded', { ...ticketEvents.timeRecorded(), minutes: 0 }, ['minutes']],
  ] as const)('%s: %j', (type, payload, path) => {
    const issues = issuesOf(parseEvent(type, 1, payload));
    expect(issues).toEqual([expect.objectContaining({ path })]);
  });

  it('the message says which field and why', () => {
    const result = parseEvent('TicketReceived', 1, { ...received, priority: 'P4' });
    expect(result).toMatchObject({
      ok: false,
      error: { message: 'Invalid TicketReceived version 1: priority: Invalid option: expected one of "P1"|"P2"|"P3"' },
    });
  });
});
