import { acmeMaintenanceTerms, contractDecider } from '@hotline/domain';
import { handleCommand, openMemoryStore } from '@hotline/eventstore';
import { describe, expect, it, vi } from 'vitest';
import { streams } from '../streams.ts';
import { ContractDirectory } from './contract-directory.ts';

const sign = (contractId: string) => ({
  type: 'SignContract' as const,
  contractId,
  by: 'sales-sam',
  clientId: 'ACME',
  reference: `${contractId}-2026`,
  terms: acmeMaintenanceTerms,
  effectiveFrom: '2026-01-01T00:00:00+01:00',
  at: '2025-12-15T10:00:00+01:00',
});

async function signContract(store: Awaited<ReturnType<typeof openMemoryStore>>, contractId: string) {
  const outcome = await handleCommand(store, {
    stream: streams.contract(contractId),
    decider: contractDecider,
    command: sign(contractId),
    context: { commandId: `sign-${contractId}`, actor: 'sales-sam' },
  });
  expect(outcome.ok).toBe(true);
}

describe('contract directory', () => {
  it('knows, once caught up, every contract recorded before the call', async () => {
    const store = await openMemoryStore();
    const directory = new ContractDirectory().start(store);
    await signContract(store, 'ACME-M');
    await directory.caughtUp();
    expect(directory.contract('ACME-M')?.clientId).toBe('ACME');
    await signContract(store, 'ACME-H');
    await directory.caughtUp();
    expect(directory.contractsOf('ACME').map((contract) => contract.contractId)).toEqual(['ACME-M', 'ACME-H']);
    await directory.stop();
  });

  it('asks the store for its head once for the calls of a turn, after the last of them', async () => {
    const store = await openMemoryStore();
    const directory = new ContractDirectory().start(store);
    const heads = vi.spyOn(store, 'headPosition');
    const calls = Array.from({ length: 10 }, () => directory.caughtUp());
    // Recorded after the first calls but in the same turn: the shared head is read after it.
    await signContract(store, 'ACME-M');
    await Promise.all(calls);
    expect(heads).toHaveBeenCalledTimes(1);
    expect(directory.contract('ACME-M')).toBeDefined();
    await directory.caughtUp();
    expect(heads).toHaveBeenCalledTimes(2);
    await directory.stop();
  });
});
