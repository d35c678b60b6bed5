import { openMemoryStore, type RecordedEvent } from '@hotline/eventstore';
import { seededRandom } from '@hotline/platform';
import { describe, expect, it } from 'vitest';
import { ReceptionOrder } from '../src/queries/reception-order.ts';
import { ReportingView } from '../src/queries/reporting-view.ts';
import { listTickets } from '../src/queries/ticket-queries.ts';
import { RecordsBuilder } from '../src/rebuild/records-builder.ts';
import { writeHotlineHistory } from './support/hotline-history.ts';

// Tickets reach the view out of reception order under concurrent ingestion and from several Kafka
// partitions: the order the ticket lists page through must not depend on it.

const byReception = (a: { at: number; id: string }, b: { at: number; id: string }) =>
  a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}

describe('the reception order', () => {
  it('reads as a sort of everything added, whatever the order of arrival, with removals', () => {
    const random = seededRandom(11).next;
    // Few distinct instants: many ties, ordered by id.
    const tickets = Array.from({ length: 6_000 }, (_, index) => ({
      id: `T-${String(index).padStart(5, '0')}`,
      at: Math.floor(random() * 900) * 1_000,
    }));
    const order = new ReceptionOrder();
    const kept = new Map<string, { id: string; at: number }>();
    const check = () => {
      const expected = [...kept.values()].sort(byReception).map((each) => each.id);
      expect(order.ids()).toEqual(expected);
      expect([...order.latestFirst()]).toEqual(expected.reverse());
      expect(order.size).toBe(kept.size);
    };
    // Arrivals mostly in order with a late one now and then, then a fully shuffled batch.
    const mostlyInOrder = [...tickets.slice(0, 3_000)].sort(byReception);
    for (let index = 0; index + 1 < mostlyInOrder.length; index += 7)
      [mostlyInOrder[index], mostlyInOrder[index + 1]] = [mostlyInOrder[index + 1]!, mostlyInOrder[index]!];
    for (const [step, ticket] of [...mostlyInOrder, ...shuffled(tickets.slice(3_000), random)].entries()) {
      order.add(ticket.id, ticket.at);
      kept.set(ticket.id, ticket);
      if (step % 500 === 0) check();
    }
    check();
    for (const ticket of shuffled(tickets, random).slice(0, 2_500)) {
      order.remove(ticket.id, ticket.at);
      kept.delete(ticket.id);
    }
    // Not there (never added, or already gone): nothing changes.
    order.remove('T-99999', 0);
    order.remove(tickets[0]!.id, tickets[0]!.at + 1);
    check();
    for (const ticket of shuffled(
      [...tickets].filter((each) => !kept.has(each.id)),
      random,
    )) {
      order.add(ticket.id, ticket.at);
      kept.set(ticket.id, ticket);
    }
    check();
  });

  it('gives the ticket lists the same pages when the events come from six partitions in any order', async () => {
    const store = await openMemoryStore();
    try {
      const from = Date.parse('2026-01-05T08:00:00+01:00');
      const until = Date.parse('2026-06-20T12:00:00+01:00');
      await writeHotlineHistory(store, { tickets: 900, clients: 6, from, until, seed: 5, concurrency: 32 });
      const events = await store.readAll({ after: 0n, maxCount: 1_000_000 });
      const feed = (ordered: readonly RecordedEvent[]) => {
        const builder = new RecordsBuilder();
        const view = new ReportingView();
        for (const event of ordered) {
          builder.apply(event);
          const stored = builder.records.get(event.stream);
          if (stored?.position === event.position) view.change(event.stream, stored);
        }
        return view;
      };
      // Kafka's order: each stream's events in order within its partition, partitions taken in turns at random.
      const random = seededRandom(6).next;
      const partitions: RecordedEvent[][] = Array.from({ length: 6 }, () => []);
      const partitionOf = new Map<string, number>();
      for (const event of events) {
        if (!partitionOf.has(event.stream)) partitionOf.set(event.stream, Math.floor(random() * 6));
        partitions[partitionOf.get(event.stream)!]!.push(event);
      }
      const interleaved: RecordedEvent[] = [];
      const next = partitions.map(() => 0);
      while (interleaved.length < events.length) {
        const partition = Math.floor(random() * 6);
        // A run of up to 50 events from one partition, as a fetch delivers them.
        const run = partitions[partition]!.slice(next[partition], next[partition]! + 1 + Math.floor(random() * 50));
        next[partition]! += run.length;
        interleaved.push(...run);
      }
      const inOrder = feed(events);
      const outOfOrder = feed(interleaved);
      const now = until;
      const ticketIds = (view: ReportingView, filters: Parameters<typeof listTickets>[1], offset: number) =>
        listTickets(view, filters, now, { offset, limit: 40 }).items.map((row) => row.ticketId);
      const expected = [...inOrder.tickets.values()]
        .map((entry) => ({ id: entry.record.ticket.ticketId, at: entry.receivedAt }))
        .sort(byReception)
        .reverse()
        .map((each) => each.id);
      expect(expected.length).toBe(900);
      for (const offset of [0, 40, 400, 880]) {
        expect(ticketIds(outOfOrder, {}, offset)).toEqual(expected.slice(offset, offset + 40));
        expect(ticketIds(inOrder, {}, offset)).toEqual(expected.slice(offset, offset + 40));
        for (const clientId of ['C001', 'C004'])
          expect(ticketIds(outOfOrder, { clientId }, offset % 200)).toEqual(
            ticketIds(inOrder, { clientId }, offset % 200),
          );
      }
      const open = { status: ['received', 'taken_charge', 'in_progress'] } as const;
      expect(ticketIds(outOfOrder, open, 0)).toEqual(ticketIds(inOrder, open, 0));
      expect([...outOfOrder.latestFirst()].map((entry) => entry.record.ticket.ticketId)).toEqual(expected);
    } finally {
      await store.close();
    }
  });
});
