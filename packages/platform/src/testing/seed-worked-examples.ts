import { contractEvent, playWorkedExample, toEpochMs, workedExamples } from '@hotline/domain';
import { ANY, type EventStore } from '@hotline/eventstore';
import { streams } from '../streams.ts';

/**
 * DOMAIN.md's worked examples written into a store as the services would have recorded them: the
 * contracts they are judged by, then each ticket's events. For tests of the read side.
 */
export async function seedWorkedExamples(store: EventStore): Promise<void> {
  const contracts = new Map(
    workedExamples.flatMap((example) => example.contracts).map((each) => [each.contractId, each]),
  );
  for (const contract of contracts.values()) {
    const first = contract.versions[0]!;
    const signed = contractEvent('ContractSigned', {
      contractId: contract.contractId,
      clientId: contract.clientId,
      reference: contract.reference,
      terms: first.terms,
      effectiveFrom: new Date(first.effectiveFrom).toISOString(),
      at: new Date(first.effectiveFrom).toISOString(),
      by: 'sales',
    });
    const { type, schemaVersion, ...data } = signed;
    await store.append(
      streams.contract(contract.contractId),
      [{ type, schemaVersion, data, actor: 'sales', occurredAt: signed.at }],
      {
        expectedRevision: ANY,
      },
    );
  }
  for (const example of workedExamples) {
    const { events } = playWorkedExample(example);
    const ticketId = events[0]!.ticketId;
    await store.append(
      streams.ticket(ticketId),
      events.map(({ type, schemaVersion, ...data }) => ({
        type,
        schemaVersion,
        data,
        actor: 'by' in data ? String(data.by) : 'contact-cleo',
        occurredAt: new Date(toEpochMs(data.at)).toISOString(),
      })),
      { expectedRevision: ANY },
    );
  }
}
