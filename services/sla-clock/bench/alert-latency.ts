import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { acmeMaintenanceTerms, contractEvent, planCrossings } from '@hotline/domain';
import { ANY, type EventStore, openSqliteStore } from '@hotline/eventstore';
import { alertsTopic, InProcessBus, SoleRelay, silentLogger, supportTopics } from '@hotline/messaging';
import { domainUpcaster, streams, systemClock } from '@hotline/platform';
import { createLogger } from '@hotline/runtime';
import { AlertDispatcher } from '../src/alerts/alert-dispatcher.ts';
import { storedAlerts } from '../src/alerts/stored-alerts.ts';
import { followedStreams, TicketClocks } from '../src/clocks/ticket-clocks.ts';
import { noneRaised } from '../src/clocks/tracked-ticket.ts';
import { crossingRaiser } from '../src/firing/crossing-raiser.ts';
import { createSlaClockService } from '../src/sla-clock-service.ts';
import { MemoryTimerStore } from '../src/timers/memory-timer-store.ts';
import type { TimerStore } from '../src/timers/timer-store.ts';
import { loadOpenTickets } from './open-tickets.ts';
import { SyntheticTickets } from './synthetic-tickets.ts';

export interface LatencyOptions {
  /** Open tickets whose timers are hours ahead: the load the due ones fire under. */
  readonly background: number;
  /** Tickets whose 75 % take-charge warning falls in the window, spread evenly over it. */
  readonly spread: number;
  /** Tickets whose warning falls at one same instant, as weekend receptions all start counting at Monday 09:00. */
  readonly burst: number;
  readonly windowMs: number;
  /** Clock moves of background tickets per second during the window. */
  readonly movesPerSecond: number;
}

export interface LatencyResult {
  readonly expected: number;
  readonly alerts: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly rssMb: number;
  /** The naive contender's full rescans: how many, and how long the longest took. */
  readonly scans?: { readonly count: number; readonly maxMs: number };
}

const logger = createLogger({ service: 'bench', level: 'silent' });
const MINUTE = 60_000;

/**
 * Alert latency on the real clock: from a crossing instant to its alert on support.alerts.v1, with the
 * SLA clock holding `background` open tickets and their clocks moving meanwhile, facts appended to a
 * SQLite file as in embedded mode. `timers`: the service as it runs. `naive`: the same read model and
 * firing, but every tick (1 s) a full rescan evaluates every open ticket instead of timers.
 */
export async function alertLatency(
  mode: 'timers' | 'naive',
  options: LatencyOptions,
  rssNow: () => number,
): Promise<LatencyResult> {
  const dir = mkdtempSync(join(tmpdir(), `sla-bench-${mode}-`));
  const store = await openSqliteStore({ file: join(dir, 'events.sqlite'), upcast: domainUpcaster });
  const bus = new InProcessBus({ logger: silentLogger });
  await bus.ensureTopics(supportTopics);
  const crossingAt = new Map<string, number>();
  const latencies: number[] = [];
  const consumer = await bus.consume({
    group: 'bench-alerts',
    topic: alertsTopic,
    handler: (message) => {
      const at = crossingAt.get(message.payload.ticketId);
      if (at !== undefined) latencies.push(Date.now() - at);
    },
  });
  await append(store, streams.contract('ACME-M'), signed());

  const synthetic = new SyntheticTickets(1_000_000_000_000n);
  const stop = new AbortController();
  let clocks: TicketClocks;
  let timers: TimerStore;
  let flush: () => Promise<void>;
  let shutdown: () => Promise<void>;
  const scans: number[] = [];
  if (mode === 'timers') {
    const service = createSlaClockService({ store, bus, logger, clock: systemClock });
    await service.start();
    clocks = service.clocks;
    timers = service.timers;
    flush = () => service.caughtUp();
    shutdown = () => service.stop();
  } else {
    clocks = new TicketClocks();
    const subscription = store.subscribe((event) => clocks.apply(event), {
      filter: { streamPrefixes: followedStreams },
    });
    await subscription.waitFor(await store.headPosition());
    const raise = crossingRaiser({
      store,
      timers: new MemoryTimerStore(),
      clock: systemClock,
      clocks,
      logger,
      actor: 'sla-clock',
      retryDelayMs: 5_000,
    });
    const rescans = naiveRescan(clocks, raise, stop.signal, scans);
    // Its alerts go out the service's way: from the stored facts.
    const checkpoint = new SoleRelay(await store.headPosition());
    const dispatcher = new AlertDispatcher({
      store,
      bus,
      leadership: checkpoint,
      checkpoints: checkpoint,
      alertsOf: storedAlerts({ store, clocks, readModelAt: (position) => subscription.waitFor(position) }),
      logger,
    }).start();
    // The rescan needs no timers: what the read model plans is dropped.
    timers = { schedule: async () => {} } as unknown as TimerStore;
    flush = async () => {
      clocks.plan(Date.now());
    };
    shutdown = async () => {
      stop.abort();
      await rescans;
      await dispatcher.stop();
      await subscription.stop();
    };
  }

  // The background: open tickets with timers hours ahead, loaded as the rebuild at start does.
  await loadOpenTickets(clocks, timers, synthetic, { count: options.background, now: Date.now(), prefix: 'B-' });
  await flush();
  const rssMb = rssNow();

  // Their clocks keep moving while the alerts are due.
  const paused = new Uint8Array(options.background);
  let revision = 1n;
  const moves = setInterval(() => {
    for (let each = 0; each < options.movesPerSecond / 10; each++) {
      const index = Math.floor(Math.random() * options.background);
      const kind = paused[index] === 1 ? 'resume' : 'pause';
      paused[index] = kind === 'pause' ? 1 : 0;
      clocks.apply(synthetic.move(`B-${index}`, revision++, kind, Date.now(), 'P2'));
    }
    void flush();
  }, 100);

  // P1 take-charge is 60 calendar minutes: received 45 minutes before its instant, a ticket warns then.
  const windowStart = Date.now() + 15_000;
  const due: { ticketId: string; at: number }[] = [];
  for (let index = 0; index < options.spread; index++) {
    due.push({ ticketId: `D-${index}`, at: windowStart + Math.floor((index * options.windowMs) / options.spread) });
  }
  for (let index = 0; index < options.burst; index++) {
    due.push({ ticketId: `S-${index}`, at: windowStart + Math.floor(options.windowMs / 2) });
  }
  const received = new SyntheticTickets(0n);
  for (let start = 0; start < due.length; start += 500) {
    await Promise.all(
      due.slice(start, start + 500).map(({ ticketId, at }) => {
        crossingAt.set(ticketId, at);
        const event = received.received(ticketId, 'P1', at - 45 * MINUTE);
        return store.append(
          event.stream,
          [{ type: event.type, data: event.data, actor: 'bench', occurredAt: event.occurredAt }],
          { expectedRevision: ANY },
        );
      }),
    );
  }
  if (Date.now() > windowStart) throw new Error('the due tickets took longer to record than the lead time');

  const deadline = windowStart + options.windowMs + 120_000;
  while (latencies.length < due.length && Date.now() < deadline) await sleep(200);
  clearInterval(moves);
  await shutdown();
  await consumer.stop();
  await bus.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });

  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (share: number) => sorted[Math.max(0, Math.ceil(sorted.length * share) - 1)] ?? Number.NaN;
  return {
    expected: due.length,
    alerts: latencies.length,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    maxMs: sorted.at(-1) ?? Number.NaN,
    rssMb,
    ...(mode === 'naive' ? { scans: { count: scans.length, maxMs: Math.max(...scans) } } : {}),
  };
}

/** The baseline: no timers; once a second, every open ticket evaluated at now and what is due raised. */
async function naiveRescan(
  clocks: TicketClocks,
  raise: ReturnType<typeof crossingRaiser>,
  signal: AbortSignal,
  scans: number[],
): Promise<void> {
  while (!signal.aborted) {
    const started = Date.now();
    let seen = 0;
    const firing: Promise<unknown>[] = [];
    for (const ticket of clocks.tickets()) {
      const plan = planCrossings(clocks.evaluate(ticket, started), ticket.raised ?? noneRaised, started);
      if (plan.due.length > 0) {
        firing.push(raise({ ticketId: ticket.ticketId, at: started, version: null, leaseUntil: 0, retry: false }));
      }
      if (firing.length >= 512) await Promise.all(firing.splice(0));
      // Let the store's subscription and the alerts through, as a real scanner would have to.
      if (++seen % 2_000 === 0) await new Promise((resolve) => setImmediate(resolve));
      if (signal.aborted) break;
    }
    await Promise.all(firing);
    scans.push(Date.now() - started);
    await sleep(Math.max(0, 1_000 - (Date.now() - started)));
  }
}

function signed() {
  return contractEvent('ContractSigned', {
    contractId: 'ACME-M',
    clientId: 'ACME',
    reference: 'ACME-M',
    terms: acmeMaintenanceTerms,
    effectiveFrom: '2026-01-01T00:00:00+01:00',
    at: '2026-01-01T00:00:00+01:00',
    by: 'sales',
  });
}

async function append(store: EventStore, stream: string, event: { type: string; schemaVersion: number }) {
  const { type, schemaVersion, ...data } = event;
  await store.append(stream, [{ type, schemaVersion, data, actor: 'bench' }], { expectedRevision: ANY });
}
