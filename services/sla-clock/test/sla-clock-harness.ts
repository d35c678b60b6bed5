import { type ContractTerms, type SlaEvent, slaEventRegistry, type TicketEvent, toEpochMs } from '@hotline/domain';
import { ANY, type EventStore, openMemoryStore } from '@hotline/eventstore';
import { type ServiceContext, streams, VirtualClock } from '@hotline/platform';
import { createLogger } from '@hotline/runtime';
import { createSlaClockService, type SlaClockOptions, type SlaClockService } from '../src/sla-clock-service.ts';
import { alertsBus } from './support/alerts-bus.ts';
import { contractSigned } from './support/contract-events.ts';

export const at = (instant: string) => Date.parse(instant);
export const iso = (epochMs: number) => new Date(epochMs).toISOString();

/** An SLA fact as the tests compare them: which crossing, when it was due, when it was raised. */
export function factLine(event: SlaEvent): string {
  const what = event.type === 'SlaBreached' ? 'breach' : `warning ${event.threshold}`;
  return `${event.target} ${event.priority} ${what} due ${event.dueAt} raised ${event.at}`;
}

export interface HarnessOptions extends SlaClockOptions {
  readonly store?: EventStore;
  readonly clock?: VirtualClock;
}

/**
 * The SLA clock on real embedded components (a memory store unless one is given, the in-process
 * bus) and a virtual clock, with the alerts it publishes collected.
 */
export async function slaClockHarness(startAt: number, options: HarnessOptions = {}) {
  const store = options.store ?? (await openMemoryStore());
  const alerting = await alertsBus();
  const { bus, alerts } = alerting;
  const clock = options.clock ?? new VirtualClock(startAt);
  const logger = createLogger({ service: 'test', level: 'silent' });
  let service = start({ store, bus, logger, clock }, options);
  await service.start();

  return {
    store,
    bus,
    clock,
    alerts,
    get service() {
      return service;
    },

    async signContract(contractId: string, terms: ContractTerms, effectiveFrom = '2026-01-01T00:00:00+01:00') {
      await appendTo(store, streams.contract(contractId), contractSigned(contractId, terms, effectiveFrom));
    },

    /** Records a ticket's event as the services would, at the clock's now (which must be the event's instant). */
    async record(event: TicketEvent) {
      await appendTo(store, streams.ticket(event.ticketId), event);
    },

    /** Moves the clock to `instant`, letting every timer due on the way fire at its own instant. */
    async advanceTo(instant: number) {
      await advanceThrough(clock, service, instant);
    },

    /** Plays events in time order, the clock moving to each one's instant before it is recorded. */
    async play(events: readonly TicketEvent[]) {
      for (const event of events) {
        await advanceThrough(clock, service, Math.max(clock.now(), toEpochMs(event.at)));
        await appendTo(store, streams.ticket(event.ticketId), event);
      }
      await service.settled();
    },

    async slaFacts(ticketId: string): Promise<SlaEvent[]> {
      return slaFactsOf(store, ticketId);
    },

    /** Stops the service and starts a new one on the same store and clock (a restart). */
    async restart(more: SlaClockOptions = {}) {
      await service.stop();
      service = start({ store, bus, logger, clock }, { ...options, ...more });
      await service.start();
    },

    async close() {
      await service.stop();
      await alerting.close();
      if (options.store === undefined) await store.close();
    },
  };
}

function start(context: ServiceContext, options: SlaClockOptions): SlaClockService {
  return createSlaClockService(context, options);
}

export async function advanceThrough(clock: VirtualClock, service: SlaClockService, instant: number): Promise<void> {
  await service.settled();
  for (;;) {
    const next = await service.nextTimerAt();
    if (next === null || next > instant) break;
    // Settled means nothing is due now: a due timer here was written behind the loop's back.
    if (next <= clock.now()) throw new Error(`timer due at ${iso(next)} and the loop sleeps on`);
    await clock.advanceTo(next);
    await service.settled();
  }
  await clock.advanceTo(instant);
  await service.settled();
}

export async function appendTo(store: EventStore, stream: string, event: { type: string; schemaVersion: number }) {
  const { type, schemaVersion, ...data } = event as { type: string; schemaVersion: number; at?: string };
  const actor = 'by' in data && typeof data.by === 'string' ? data.by : 'contact-cleo';
  const occurredAt = typeof data.at === 'string' ? new Date(toEpochMs(data.at)).toISOString() : undefined;
  await store.append(
    stream,
    [{ type, schemaVersion, data, actor, ...(occurredAt === undefined ? {} : { occurredAt }) }],
    { expectedRevision: ANY },
  );
}

export async function slaFactsOf(store: EventStore, ticketId: string): Promise<SlaEvent[]> {
  const recorded = await store.readStream(streams.sla(ticketId));
  return recorded.map((event) => {
    const parsed = slaEventRegistry.parseStored(event);
    if (!parsed.ok) throw new Error(parsed.error.message);
    return parsed.value as SlaEvent;
  });
}
