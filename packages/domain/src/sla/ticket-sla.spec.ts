import { describe, expect, it } from 'vitest';
import { signedContract } from '../contract/signed-contract.ts';
import { acmeMaintenanceTerms } from '../scenarios/acme-contract.ts';
import type { TicketEvent } from '../ticket/ticket-events.ts';
import { ticketEvent } from '../ticket/ticket-events.ts';
import { clockFactsOf } from './ticket-clock-facts.ts';
import { ticketSla } from './ticket-sla.ts';

const received = ticketEvent('TicketReceived', {
  ticketId: 'T-1',
  clientId: 'ACME',
  product: 'ERP',
  environment: 'production',
  description: 'Invoices fail',
  nature: 'malfunction',
  priority: 'P2',
  attachments: [],
  reportedBy: 'contact-cleo',
  coverage: { status: 'covered', contractId: 'ACME-M' },
  at: '2026-05-11T09:00:00+02:00',
});
const missing = ticketEvent('TicketInformationRequested', {
  ticketId: 'T-1',
  missing: ['version', 'reproductionSteps'],
  at: '2026-05-11T09:00:00+02:00',
});
const provided = ticketEvent('TicketInformationProvided', {
  ticketId: 'T-1',
  version: '12.4',
  reproductionSteps: 'Post an invoice',
  by: 'contact-cleo',
  at: '2026-05-12T09:00:00+02:00',
});
const now = Date.parse('2026-05-12T10:00:00+02:00');

describe('a ticket SLA from its events', () => {
  it('pauses the clock while the request is incomplete, from reception', () => {
    const events: TicketEvent[] = [received, missing, provided];
    expect(clockFactsOf(events).map((fact) => fact.kind)).toEqual(['received', 'paused', 'resumed']);
    const sla = ticketSla(events, () => signedContract('ACME-M', 'ACME', acmeMaintenanceTerms), now);
    const takeCharge = sla.evaluation.targets.find((target) => target.target === 'takeCharge')!;
    expect(takeCharge.countedMs).toBe(3_600_000);
    // 4 h of service from Tuesday 09:00, lunch skipped: 14:00 in Paris.
    expect(new Date(takeCharge.dueAt!).toISOString()).toBe('2026-05-12T12:00:00.000Z');
  });

  it('judges the ticket by the terms in force at reception, not by a later amendment', () => {
    const amendedLater = signedContract('ACME-M', 'ACME', acmeMaintenanceTerms, undefined, [
      {
        type: 'ContractAmended',
        schemaVersion: 1,
        contractId: 'ACME-M',
        amendmentId: 'A1',
        terms: { ...acmeMaintenanceTerms, slaTargets: [] },
        effectiveFrom: '2026-05-11T12:00:00+02:00',
        reason: 'No more deadlines',
        at: '2026-05-11T11:00:00+02:00',
        by: 'sales',
      },
    ]);
    const sla = ticketSla([received], () => amendedLater, now);
    expect(sla.terms).toEqual(acmeMaintenanceTerms);
    expect(sla.evaluation.targets).toHaveLength(3);
  });

  it('has no deadline once a requalification leaves the ticket out of contract', () => {
    const requalified = ticketEvent('TicketRequalified', {
      ticketId: 'T-1',
      nature: 'functional',
      reason: 'How-to question',
      coverage: { status: 'out_of_contract', contractId: 'ACME-M', reason: 'contract.kind_not_helpline' },
      by: 'agent-ada',
      at: '2026-05-11T10:00:00+02:00',
    });
    const sla = ticketSla([received, requalified], () => undefined, now);
    expect(sla.coverage.status).toBe('out_of_contract');
    expect(sla.evaluation.targets).toEqual([]);
  });

  it('refuses to judge a covered ticket without its contract rather than drop its deadlines', () => {
    expect(() => ticketSla([received], () => undefined, now)).toThrow(/Contract ACME-M of a covered ticket/);
  });
});
