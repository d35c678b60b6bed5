import { describe, expect, it } from 'vitest';
import {
  assigned,
  informationRequested,
  p3Functional,
  received,
  requalified,
  takenCharge,
  until,
} from '../../test/ticket-builders.ts';
import { evolveAgent, initialAgentState } from '../agent/agent-decider.ts';
import { agentEvent } from '../agent/agent-events.ts';
import { signedContract } from '../contract/signed-contract.ts';
import { acmeMaintenanceTerms } from '../scenarios/acme-contract.ts';
import { evolveTicket } from '../ticket/evolve.ts';
import type { TicketEvent } from '../ticket/ticket-events.ts';
import { initialTicketState, type Ticket } from '../ticket/ticket-state.ts';
import { checkAssignee } from './assignee-check.ts';
import { automaticRequalification, awaitsDispatch } from './automatic-triage.ts';
import { defaultRequalificationRules } from './requalification-rules.ts';
import { requalifiedCoverage } from './requalified-coverage.ts';

const ticketOf = (history: readonly TicketEvent[]) => history.reduce(evolveTicket, initialTicketState) as Ticket;
const outage = received({ priority: 'P3', description: 'Production arrêtée: plus rien ne passe' });
const rules = defaultRequalificationRules;

describe('automatic requalification', () => {
  it('applies the first rule that fires to a ticket not yet taken charge', () => {
    expect(automaticRequalification(ticketOf([outage]), [outage], rules)).toMatchObject({ priority: 'P1' });
    const incomplete = [received({ ...outage, version: undefined }), informationRequested(['version'])];
    expect(automaticRequalification(ticketOf(incomplete), incomplete, rules)).toMatchObject({ priority: 'P1' });
  });

  it('leaves a ticket alone once taken charge: the agent qualified it', () => {
    const history = [outage, takenCharge()];
    expect(automaticRequalification(ticketOf(history), history, rules)).toBeNull();
  });

  it('never overrides a requalification already recorded', () => {
    const history = [outage, requalified({ priority: 'P3', environment: 'test' })];
    expect(automaticRequalification(ticketOf(history), history, rules)).toBeNull();
  });
});

describe('waiting for dispatch', () => {
  it('a complete request nobody was given waits for an agent', () => {
    expect(awaitsDispatch(ticketOf([received()]))).toBe(true);
  });

  it('an assigned, incomplete or taken-charge ticket does not', () => {
    expect(awaitsDispatch(ticketOf([received(), assigned()]))).toBe(false);
    expect(awaitsDispatch(ticketOf(until('awaiting_information')))).toBe(false);
    expect(awaitsDispatch(ticketOf(until('taken_charge')))).toBe(false);
  });
});

describe('coverage of a requalified ticket', () => {
  const acme = signedContract('ACME-M', 'ACME', acmeMaintenanceTerms);

  it('is judged again for the new nature by the terms in force at reception', () => {
    const functional = ticketOf([
      received({ ...p3Functional, coverage: { status: 'out_of_contract', contractId: null } }),
    ]);
    expect(requalifiedCoverage(functional, 'malfunction', [acme])).toEqual({ status: 'covered', contractId: 'ACME-M' });
    expect(requalifiedCoverage(ticketOf([received()]), 'functional', [acme])).toEqual({
      status: 'out_of_contract',
      contractId: 'ACME-M',
      reason: 'contract.kind_not_helpline',
    });
    expect(requalifiedCoverage(ticketOf([received()]), 'evolution', [acme])).toMatchObject({
      status: 'not_applicable',
    });
  });

  it('ignores a contract that took effect after the reception', () => {
    const later = signedContract('ACME-M2', 'ACME', acmeMaintenanceTerms, '2026-06-01T00:00:00+02:00');
    expect(requalifiedCoverage(ticketOf([received()]), 'malfunction', [later])).toMatchObject({
      status: 'out_of_contract',
      reason: 'contract.not_yet_effective',
    });
  });

  it('cannot cover a client or a product still unknown', () => {
    const noClient = ticketOf([received({ clientId: undefined }), informationRequested(['clientId'])]);
    expect(requalifiedCoverage(noClient, 'malfunction', [acme])).toEqual({
      status: 'no_contract',
      contractId: null,
      reason: 'client.unknown',
    });
    const noProduct = ticketOf([received({ product: undefined }), informationRequested(['product'])]);
    expect(requalifiedCoverage(noProduct, 'malfunction', [acme])).toMatchObject({
      status: 'out_of_contract',
      reason: 'product.unknown',
    });
  });
});

describe('whom a manager may assign', () => {
  const by = 'manager-max';
  const at = '2026-01-05T09:00:00+01:00';
  const joined = agentEvent('AgentJoined', { agentId: 'agent-ada', name: 'Ada', role: 'agent', by, at });

  it('an agent of the hotline, available or not', () => {
    const away = agentEvent('AvailabilityChanged', { agentId: 'agent-ada', availability: 'unavailable', by, at });
    const state = [joined, away].reduce(evolveAgent, initialAgentState);
    expect(checkAssignee('agent-ada', state)).toMatchObject({ ok: true, value: { availability: 'unavailable' } });
  });

  it('not an unknown agent, nor one who left', () => {
    expect(checkAssignee('agent-zed', initialAgentState)).toMatchObject({
      ok: false,
      error: { code: 'agent.not_found' },
    });
    const left = [joined, agentEvent('AgentLeft', { agentId: 'agent-ada', by, at })].reduce(
      evolveAgent,
      initialAgentState,
    );
    expect(checkAssignee('agent-ada', left)).toMatchObject({ ok: false, error: { code: 'agent.left' } });
  });
});
