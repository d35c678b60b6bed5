import { describe, expect, it } from 'vitest';
import { acmeHelplineTerms, acmeMaintenanceTerms } from '../scenarios/acme-contract.ts';
import { coverageOf } from './coverage.ts';
import { signedContract } from './signed-contract.ts';

const at = (iso: string) => Date.parse(iso);
const maintenance = signedContract('ACME-M', 'ACME', acmeMaintenanceTerms);
const helpline = signedContract('ACME-H', 'ACME', acmeHelplineTerms);
const question = {
  clientId: 'ACME',
  product: 'ERP',
  nature: 'malfunction',
  receivedAt: at('2026-05-07T16:00:00+02:00'),
} as const;

describe('coverage of a ticket', () => {
  it('covers a malfunction on a covered product under a maintenance contract in force', () => {
    expect(coverageOf(question, [helpline, maintenance])).toEqual({ status: 'covered', contractId: 'ACME-M' });
  });

  it('covers a functional request under a helpline contract only', () => {
    expect(coverageOf({ ...question, nature: 'functional' }, [maintenance, helpline])).toEqual({
      status: 'covered',
      contractId: 'ACME-H',
    });
    expect(coverageOf({ ...question, nature: 'functional' }, [maintenance])).toMatchObject({
      status: 'out_of_contract',
      reason: 'contract.kind_not_helpline',
    });
  });

  it('leaves a product the contract does not name out of contract', () => {
    expect(coverageOf({ ...question, product: 'CRM' }, [maintenance])).toMatchObject({
      status: 'out_of_contract',
      contractId: 'ACME-M',
      reason: 'contract.product_not_covered',
    });
  });

  it('does not cover before the maintenance start date, read in the contract zone', () => {
    const later = signedContract('L', 'ACME', { ...acmeMaintenanceTerms, maintenanceStartsOn: '2026-06-01' });
    expect(coverageOf({ ...question, receivedAt: at('2026-05-31T21:59:59Z') }, [later])).toMatchObject({
      status: 'out_of_contract',
      reason: 'contract.maintenance_not_started',
    });
    // 22:00 UTC on 31 May is midnight on 1 June in Paris.
    expect(coverageOf({ ...question, receivedAt: at('2026-05-31T22:00:00Z') }, [later]).status).toBe('covered');
  });

  it('does not cover after the end date or a termination', () => {
    const ended = signedContract('E', 'ACME', { ...acmeMaintenanceTerms, endsOn: '2026-03-31' });
    expect(coverageOf(question, [ended])).toMatchObject({ status: 'out_of_contract', reason: 'contract.ended' });
    const terminated = signedContract('T', 'ACME', acmeMaintenanceTerms, undefined, [
      {
        type: 'ContractTerminated',
        schemaVersion: 1,
        contractId: 'T',
        on: '2026-04-30',
        reason: 'client left',
        at: '2026-04-01T10:00:00+02:00',
        by: 'sales',
      },
    ]);
    expect(coverageOf(question, [terminated])).toMatchObject({ reason: 'contract.terminated' });
    expect(coverageOf({ ...question, receivedAt: at('2026-04-30T20:00:00+02:00') }, [terminated]).status).toBe(
      'covered',
    );
  });

  it('tells a client without any contract apart', () => {
    expect(coverageOf({ ...question, clientId: 'GLOBEX' }, [maintenance])).toEqual({
      status: 'no_contract',
      contractId: null,
      reason: 'client.no_contract',
    });
  });

  it('gives change requests and service requests no deadline whatever the contract', () => {
    expect(coverageOf({ ...question, nature: 'evolution' }, [maintenance]).status).toBe('not_applicable');
    expect(coverageOf({ ...question, nature: 'service' }, [maintenance]).status).toBe('not_applicable');
  });

  it('picks the contract that took effect first when several qualify, whatever their order', () => {
    const second = signedContract('ACME-M2', 'ACME', acmeMaintenanceTerms, '2026-02-01T00:00:00+01:00');
    expect(coverageOf(question, [second, maintenance]).contractId).toBe('ACME-M');
  });
});
