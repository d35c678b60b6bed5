import { playWorkedExample, workedExamples } from '@hotline/domain';
import { openMemoryStore } from '@hotline/eventstore';
import { describe, expect, it } from 'vitest';
import { seedWorkedExamples } from '../testing/seed-worked-examples.ts';
import { ticketOwnerFromStore } from './ticket-owner.ts';

describe('the ticket-owner port from the store', () => {
  it("gives each ticket's client, and nothing for a ticket that does not exist", async () => {
    const store = await openMemoryStore();
    await seedWorkedExamples(store);
    const owner = ticketOwnerFromStore(store);
    const example = workedExamples[0]!;
    const received = playWorkedExample(example).events[0]!;
    const clientId = example.contracts[0]!.clientId;
    expect(clientId).toMatch(/\S/);
    expect(await owner(received.ticketId)).toBe(clientId);
    expect(await owner('T-nobody')).toBeUndefined();
    await store.close();
  });
});
