import { describe, expect, it } from 'vitest';
import { specify } from '../../test/given-when-then.ts';
import { acmeMaintenanceTerms } from '../scenarios/acme-contract.ts';
import { ContractCommand } from './contract-commands.ts';
import { contractDecider } from './contract-decider.ts';
import { ContractEvent, contractEvent } from './contract-events.ts';

const { given } = specify(contractDecider, { commands: ContractCommand, events: ContractEvent });
const ids = { contractId: 'ACME-M', by: 'sales-sam' };
const signing = {
  ...ids,
  clientId: 'ACME',
  reference: 'ACME-M-2026',
  terms: acmeMaintenanceTerms,
  effectiveFrom: '2026-01-01T00:00:00+01:00',
  at: '2025-12-15T10:00:00+01:00',
};
const signed = contractEvent('ContractSigned', signing);
const amendment = {
  ...ids,
  amendmentId: 'A1',
  terms: { ...acmeMaintenanceTerms, annualFeeCents: 3_000_000 },
  effectiveFrom: '2026-07-01T00:00:00+02:00',
  reason: 'Fee revised',
  at: '2026-06-15T10:00:00+02:00',
};
const amended = contractEvent('ContractAmended', amendment);
const terminated = contractEvent('ContractTerminated', {
  ...ids,
  on: '2026-12-31',
  reason: 'Client left',
  at: '2026-10-01T10:00:00+02:00',
});

describe('contracts', () => {
  it('a contract is signed once', () => {
    given([])
      .when({ type: 'SignContract', ...signing })
      .then([signed]);
    given([signed])
      .when({ type: 'SignContract', ...signing })
      .thenRefused('contract.already_signed');
  });

  it('an amendment replaces the terms from its effective instant', () => {
    const state = given([signed])
      .when({ type: 'AmendContract', ...amendment })
      .then([amended]);
    expect(state.status === 'signed' && state.versions.map((version) => version.amendmentId)).toEqual([null, 'A1']);
  });

  it('an amendment cannot take effect before the terms in force, nor be recorded twice', () => {
    given([signed, amended])
      .when({ type: 'AmendContract', ...amendment, amendmentId: 'A2', effectiveFrom: '2026-03-01T00:00:00+01:00' })
      .thenRefused('contract.amendment_backdated');
    given([signed, amended])
      .when({ type: 'AmendContract', ...amendment, effectiveFrom: '2026-08-01T00:00:00+02:00' })
      .thenRefused('contract.amendment_exists');
  });

  it('the actual maintenance start date applies to every version of the terms', () => {
    const started = contractEvent('MaintenanceStarted', { ...ids, on: '2026-02-01', at: '2026-02-01T09:00:00+01:00' });
    const state = given([signed, amended])
      .when({ type: 'StartMaintenance', ...ids, on: '2026-02-01', at: '2026-02-01T09:00:00+01:00' })
      .then([started]);
    expect(state.status === 'signed' && state.versions.map((version) => version.terms.maintenanceStartsOn)).toEqual([
      '2026-02-01',
      '2026-02-01',
    ]);
  });

  it('a renewal moves the end date later, never earlier', () => {
    const withEnd = contractEvent('ContractSigned', {
      ...signing,
      terms: { ...acmeMaintenanceTerms, endsOn: '2026-12-31' },
    });
    given([withEnd])
      .when({ type: 'RenewContract', ...ids, endsOn: '2027-12-31', at: '2026-11-01T10:00:00+01:00' })
      .then([contractEvent('ContractRenewed', { ...ids, endsOn: '2027-12-31', at: '2026-11-01T10:00:00+01:00' })]);
    given([withEnd])
      .when({ type: 'RenewContract', ...ids, endsOn: '2026-06-30', at: '2026-11-01T10:00:00+01:00' })
      .thenRefused('contract.renewal_not_later');
  });

  it('a terminated contract takes no more changes; an unsigned one takes none at all', () => {
    given([signed])
      .when({
        type: 'TerminateContract',
        ...ids,
        on: '2026-12-31',
        reason: 'Client left',
        at: '2026-10-01T10:00:00+02:00',
      })
      .then([terminated]);
    const refusal = given([signed, terminated])
      .when({ type: 'AmendContract', ...amendment })
      .thenRefused('contract.terminated');
    expect(refusal.message).toBe('Cannot AmendContract contract ACME-M: it is terminated');
    given([])
      .when({ type: 'RenewContract', ...ids, endsOn: '2027-12-31', at: signing.at })
      .thenRefused('contract.not_found');
  });
});
