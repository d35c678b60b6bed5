import {
  type AgentCommand,
  acmeMaintenanceTerms,
  agentDecider,
  type ContractTerms,
  contractDecider,
  type ProductSkill,
  type ReceiveTicket,
  type TicketCommand,
  ticketDecider,
} from '@hotline/domain';
import { type EventStore, openMemoryStore, type RecordedEvent, type StreamDecider } from '@hotline/eventstore';
import {
  type Alert,
  alertsTopic,
  EventRelay,
  InProcessBus,
  SoleRelay,
  silentLogger,
  supportTopics,
} from '@hotline/messaging';
import { domainUpcaster, streams, VirtualClock } from '@hotline/platform';
import { createHttpServer, createLogger, type HttpServer } from '@hotline/runtime';
import { vi } from 'vitest';
import { createTriageService, type TriageOptions, type TriageService } from '../src/triage-service.ts';
import { commandRunner } from './command-runner.ts';

/** DOMAIN.md's worked example 1: a P2 malfunction on production at ACME, received Thu 2026-05-07 16:00. */
export const receivedAt = '2026-05-07T16:00:00+02:00';
export const manager = 'manager-max';

/** Waits for what the relay and the consumer do in the background; generous on a busy machine. */
export function eventually<T>(check: () => T | Promise<T>): Promise<T> {
  return vi.waitFor(check, { timeout: 15_000, interval: 10 });
}

type LogLine = { level: string; msg: string; [field: string]: unknown };

export interface HarnessOptions extends TriageOptions {
  /** The store to run on; a fresh in-memory one by default. */
  readonly store?: EventStore;
  /** Triage starts when `start()` says, taking what was recorded before as one backlog. */
  readonly deferStart?: boolean;
}

/**
 * Triage on real embedded components: a store, the in-process bus, the relay from the store to the
 * bus (as in the product), a fastify server, a virtual clock five minutes after the reception.
 */
export async function triageHarness(options: HarnessOptions = {}) {
  const store = options.store ?? (await openMemoryStore({ upcast: domainUpcaster }));
  const bus = new InProcessBus({ logger: silentLogger });
  await bus.ensureTopics(supportTopics);
  const relay = new EventRelay({ store, bus, checkpoints: new SoleRelay(), logger: silentLogger }).start();
  const logs: LogLine[] = [];
  const logger = createLogger({
    service: 'triage-test',
    level: 'debug',
    destination: { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) },
  });
  const clock = new VirtualClock(Date.parse('2026-05-07T16:05:00+02:00'));
  const context = { store, bus, logger, clock };
  const triage: TriageService = createTriageService(context, options);
  const app: HttpServer = await createHttpServer({
    service: 'triage',
    logger,
    openapi: { title: 'Triage', version: 'test' },
  });
  await triage.registerRoutes(app);
  await app.ready();
  let started = options.deferStart !== true;
  if (started) await triage.start();

  const alerts: Alert[] = [];
  await bus.consume({
    group: 'test-alerts',
    topic: alertsTopic,
    handler: (message) => void alerts.push(message.payload),
  });

  let agentTriggers = 0;
  const runCommand = commandRunner(store);
  const run = async <C, E extends { type: string; schemaVersion: number }, S>(
    stream: string,
    decider: StreamDecider<C, E, S, unknown>,
    command: C,
  ) => {
    const outcome = await runCommand(stream, decider, command);
    if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.error)}`);
    return outcome;
  };

  const harness = {
    context,
    store,
    bus,
    clock,
    triage,
    app,
    alerts,
    logs,

    signContract(contractId = 'ACME-M', clientId = 'ACME', terms: ContractTerms = acmeMaintenanceTerms) {
      return run(streams.contract(contractId), contractDecider, {
        type: 'SignContract',
        contractId,
        clientId,
        reference: contractId,
        terms,
        effectiveFrom: '2026-01-01T00:00:00+01:00',
        by: 'sales-sam',
        at: '2025-12-15T10:00:00+01:00',
      });
    },

    /** Runs an agent command, and waits for triage's reaction to it when there is one. */
    async agentCommand(command: AgentCommand) {
      const outcome = await run(streams.agent(command.agentId), agentDecider, command);
      if (started && (command.type === 'DeclareSkills' || command.type === 'ChangeAvailability')) {
        agentTriggers += 1;
        await eventually(() => {
          const reactions = logs.filter((line) => line.msg === 'agent event triaged').length;
          if (reactions < agentTriggers) throw new Error(`${reactions} agent event(s) triaged of ${agentTriggers}`);
        });
      }
      return outcome;
    },

    /** Starts triage, when the harness deferred it. */
    async start() {
      if (started) return;
      started = true;
      await triage.start();
    },

    /** An agent who joined in January, with skills, and away if said so. */
    async joinAgent(agentId: string, skills: ProductSkill[], availability: 'available' | 'unavailable' = 'available') {
      const at = '2026-01-05T09:00:00+01:00';
      await harness.agentCommand({ type: 'RegisterAgent', agentId, name: agentId, role: 'agent', by: manager, at });
      await harness.agentCommand({ type: 'DeclareSkills', agentId, skills, by: manager, at });
      if (availability === 'unavailable') {
        await harness.agentCommand({ type: 'ChangeAvailability', agentId, availability, by: manager, at });
      }
    },

    /** A complete P2 malfunction on production (ACME, ERP), unless told otherwise (`undefined` leaves a field out). */
    receive(ticketId: string, overrides: Partial<ReceiveTicket> = {}) {
      const command: ReceiveTicket = {
        type: 'ReceiveTicket',
        ticketId,
        clientId: 'ACME',
        product: 'ERP',
        version: '12.4',
        environment: 'production',
        description: 'Invoices fail to post',
        reproductionSteps: 'Post any invoice dated in May',
        nature: 'malfunction',
        priority: 'P2',
        reportedBy: 'contact-cleo',
        coverage: { status: 'covered', contractId: 'ACME-M' },
        at: receivedAt,
        ...overrides,
      };
      const given = Object.fromEntries(Object.entries(command).filter(([, value]) => value !== undefined));
      return harness.ticketCommand(given as ReceiveTicket);
    },

    ticketCommand(command: TicketCommand) {
      return run(streams.ticket(command.ticketId), ticketDecider, command);
    },

    stream(ticketId: string): Promise<RecordedEvent[]> {
      return store.readStream(streams.ticket(ticketId));
    },

    async types(ticketId: string): Promise<string[]> {
      return (await harness.stream(ticketId)).map((event) => event.type);
    },

    /** Waits until triage has handled `count` events of the ticket (each reaction ends with this debug line). */
    async triaged(ticketId: string, count = 1): Promise<LogLine[]> {
      return eventually(() => {
        const lines = logs.filter((line) => line.msg === 'ticket event triaged' && line.ticketId === ticketId);
        if (lines.length < count) throw new Error(`${ticketId} triaged ${lines.length} time(s), waiting for ${count}`);
        return lines;
      });
    },

    async close() {
      await triage.stop();
      await app.close();
      await relay.stop();
      await bus.close();
      await store.close();
    },
  };
  return harness;
}

export type TriageHarness = Awaited<ReturnType<typeof triageHarness>>;
