import { contractEvent, type Priority, type TicketEvent, ticketEvent, toEpochMs, toInstant } from '@hotline/domain';
import { ANY, type EventStore } from '@hotline/eventstore';
import { serviceHarness, streams } from '@hotline/platform';
import { createSlaClockService, type SlaClockService } from '../src/sla-clock-service.ts';
import { contractData } from './contract-data.ts';

/** A Wednesday 10:00 in Paris: service hours, some tickets past their take-charge, most running. */
const NOW = Date.parse('2026-11-25T10:00:00+01:00');
const PRIORITIES: readonly Priority[] = ['P1', 'P2', 'P3'];
// The lists' default and the dashboard's limit.
const LIMIT = 100;

type Listed = { ticketId: string; targets?: unknown };

export interface PanelReading {
  readonly contender: string;
  readonly requests: number;
  readonly bytes: number;
  readonly medianMs: number;
}

/**
 * What the dashboard's at-risk panel costs the SLA clock per reading, through Fastify's whole
 * pipeline (`inject`: routing, validation, serialization; no socket, which favours the many small
 * requests of the former page). The lists with every target of each ticket against the former
 * reading: the same lists, then `GET /tickets/:id/sla` for each listed ticket.
 */
export async function panelReading(open: number, rounds: number): Promise<PanelReading[]> {
  const harness = await serviceHarness(createSlaClockService, NOW);
  try {
    await seed(harness.store, open);
    await (harness.service as SlaClockService).settled();
    const get = async (url: string) => {
      const response = await harness.app.inject({ method: 'GET', url });
      if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode}`);
      return response.body;
    };
    const lists = () => Promise.all([get(`/sla/at-risk?limit=${LIMIT}`), get(`/sla/breached?limit=${LIMIT}`)]);
    const contenders = {
      'lists with `targets` (now)': async () => {
        const bodies = await lists();
        return { requests: 2, bytes: () => bodies.reduce((sum, body) => sum + body.length, 0) };
      },
      'lists, then each ticket (before)': async () => {
        const read = (await lists()).map((body) => JSON.parse(body) as { tickets: Listed[] });
        const ids = new Set(read.flatMap((list) => list.tickets.map((ticket) => ticket.ticketId)));
        const views = await Promise.all([...ids].map((id) => get(`/tickets/${encodeURIComponent(id)}/sla`)));
        // The former lists' size: the same lists without `targets` (their time, though, is the new lists').
        const bytes = () =>
          [
            ...read.map((list) =>
              JSON.stringify({ ...list, tickets: list.tickets.map(({ targets: _, ...ticket }: Listed) => ticket) }),
            ),
            ...views,
          ].reduce((sum, body) => sum + body.length, 0);
        return { requests: 2 + views.length, bytes };
      },
    };
    const samples = new Map<string, { ms: number[]; requests: number; bytes: number }>();
    // Alternated round by round, so that the machine's other load weighs on both alike; one warm-up round.
    for (let round = -1; round < rounds; round += 1) {
      for (const [name, read] of Object.entries(contenders)) {
        const started = performance.now();
        const { requests, bytes } = await read();
        const ms = performance.now() - started;
        if (round < 0) continue;
        const sample = samples.get(name) ?? { ms: [], requests, bytes: bytes() };
        sample.ms.push(ms);
        samples.set(name, sample);
      }
    }
    return [...samples].map(([contender, { ms, requests, bytes }]) => ({
      contender,
      requests,
      bytes,
      medianMs: ms.sort((a, b) => a - b)[Math.floor(ms.length / 2)]!,
    }));
  } finally {
    await harness.close();
  }
}

/** Events as the services record them: the envelope's `occurredAt` is the event's `at`. */
async function record(store: EventStore, stream: string, events: readonly { type: string; schemaVersion: number }[]) {
  const recorded = events.map((event) => {
    const { type, schemaVersion, ...data } = event as { type: string; schemaVersion: number; at: string; by?: string };
    return {
      type,
      schemaVersion,
      data,
      actor: data.by ?? 'contact-cleo',
      occurredAt: new Date(toEpochMs(data.at)).toISOString(),
    };
  });
  await store.append(stream, recorded, { expectedRevision: ANY });
}

/** `open` malfunctions received over the last three days, a third of them taken charge. */
async function seed(store: EventStore, open: number): Promise<void> {
  await record(store, streams.contract('ACME-M'), [contractEvent('ContractSigned', contractData)]);
  for (let index = 0; index < open; index += 1) {
    const ticketId = `T-${index}`;
    const receivedAt = NOW - ((index * 7_919) % (3 * 24 * 60)) * 60_000;
    const events: TicketEvent[] = [
      ticketEvent('TicketReceived', {
        ticketId,
        clientId: 'ACME',
        product: 'ERP',
        version: '12.4',
        environment: 'production',
        description: 'Invoices fail to post',
        reproductionSteps: 'Post one',
        nature: 'malfunction',
        priority: PRIORITIES[index % 3]!,
        attachments: [],
        reportedBy: 'contact-cleo',
        coverage: { status: 'covered', contractId: 'ACME-M' },
        at: toInstant(receivedAt),
      }),
    ];
    if (index % 3 === 0) {
      const at = toInstant(Math.min(NOW, receivedAt + 30 * 60_000));
      events.push(ticketEvent('TicketTakenCharge', { ticketId, assignee: 'agent-ada', by: 'agent-ada', at }));
    }
    await record(store, streams.ticket(ticketId), events);
  }
}
