import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  acmeMaintenanceTerms,
  type ContractTerms,
  contractDecider,
  type ReceiveTicket,
  type TicketCommand,
  ticketDecider,
} from '@hotline/domain';
import { type EventStore, handleCommand, openMemoryStore, openSqliteStore } from '@hotline/eventstore';
import { InProcessBus, silentLogger } from '@hotline/messaging';
import { domainUpcaster, streams, VirtualClock } from '@hotline/platform';
import { createHttpServer, createLogger, createMetrics } from '@hotline/runtime';
import { afterEach, beforeEach, expect } from 'vitest';
import { createResolutionService, type ResolutionOptions, type ResolutionService } from '../src/index.ts';

/** Mon 2026-05-11 10:00 in Paris: the clock's start in every test. */
export const T0 = Date.parse('2026-05-11T08:00:00.000Z');
export const DAY = 24 * 60 * 60 * 1000;
export const agent = 'agent-ada';
export const otherAgent = 'agent-bob';
export const contact = 'contact-cleo';
export const contractId = 'ACME-M';

/** The ACME contract of the worked examples, with a reopen window of its own (not the default 10 days). */
export const acmeTerms: ContractTerms = { ...acmeMaintenanceTerms, reopenWindowDays: 5 };

export interface SendOptions {
  readonly method?: 'POST' | 'PUT' | 'GET';
  readonly headers?: Record<string, string>;
}

/** An HTTP answer as the tests read it. */
export interface Answer {
  readonly status: number;
  readonly body: Json;
}

/** A JSON answer as tests read it: any path may be looked at, and compared with `expect`. */
export interface Json {
  readonly [key: string]: Json | undefined;
}

export interface Resolution {
  readonly store: EventStore;
  readonly clock: VirtualClock;
  readonly service: ResolutionService;
  readonly app: Awaited<ReturnType<typeof createHttpServer>>;
  /** `POST` (`GET` without a body, or the method given) with a JSON body; the parsed answer beside the status. */
  send(url: string, body?: object, options?: SendOptions): Promise<Answer>;
  close(): Promise<void>;
}

/** The service on real components: a memory store (or the one given), a virtual clock, a Fastify server. */
export async function startResolution(
  options: { store?: EventStore; now?: number; service?: ResolutionOptions } = {},
): Promise<Resolution> {
  const store = options.store ?? (await openMemoryStore({ upcast: domainUpcaster }));
  const clock = new VirtualClock(options.now ?? T0);
  const logger = createLogger({ service: 'resolution', level: 'silent' });
  const service = createResolutionService(
    { store, bus: new InProcessBus({ logger: silentLogger }), logger, clock },
    options.service,
  );
  const app = await createHttpServer({
    service: 'resolution',
    logger,
    openapi: { title: 'Hotline resolution', version: '1.0.0' },
    metrics: createMetrics({ service: 'resolution', defaultMetrics: false }),
  });
  await service.registerRoutes(app);
  await app.ready();
  await service.start();
  return {
    store,
    clock,
    service,
    app,
    async send(url, body, { method = body === undefined ? 'GET' : 'POST', headers = {} } = {}) {
      const response = await app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body }) });
      return { status: response.statusCode, body: response.body === '' ? {} : response.json() };
    },
    async close() {
      await service.stop();
      await app.close();
      await store.close();
    },
  };
}

/** A SQLite store in a fresh temporary folder, removed by `dispose`. */
export async function temporarySqliteStore(): Promise<{ store: EventStore; dispose(): void }> {
  const folder = mkdtempSync(join(tmpdir(), 'resolution-'));
  const store = await openSqliteStore({ file: join(folder, 'events.sqlite'), upcast: domainUpcaster });
  return { store, dispose: () => rmSync(folder, { recursive: true, force: true }) };
}

/** Starts the service on a fresh SQLite file before each test of the calling file, and closes both after it. */
export function onSqlitePerTest(started: (resolution: Resolution) => void): void {
  let running: { resolution: Resolution; dispose(): void } | undefined;
  beforeEach(async () => {
    const sqlite = await temporarySqliteStore();
    running = { resolution: await startResolution({ store: sqlite.store }), dispose: sqlite.dispose };
    started(running.resolution);
  });
  afterEach(async () => {
    await running?.resolution.close();
    running?.dispose();
  });
}

/** Appends a command the way another service would (intake, triage, a client reply): straight through its decider. */
export async function given(
  store: EventStore,
  command: TicketCommand,
  commandId = `given:${command.ticketId}:${command.type}:${command.at}`,
) {
  const outcome = await handleCommand(store, {
    stream: streams.ticket(command.ticketId),
    decider: ticketDecider,
    command,
    context: { commandId, actor: 'test' },
  });
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  return outcome;
}

/** A complete P2 malfunction on production at ACME, covered by ACME-M, received Thu 2026-05-07 16:00. */
export function received(ticketId: string, overrides: Partial<ReceiveTicket> = {}): ReceiveTicket {
  return {
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
    reportedBy: contact,
    coverage: { status: 'covered', contractId },
    at: '2026-05-07T16:00:00+02:00',
    ...overrides,
  };
}

export async function signContract(store: EventStore, terms: ContractTerms = acmeTerms) {
  const outcome = await handleCommand(store, {
    stream: streams.contract(contractId),
    decider: contractDecider,
    command: {
      type: 'SignContract',
      contractId,
      clientId: 'ACME',
      reference: contractId,
      terms,
      effectiveFrom: '2026-01-01T00:00:00+01:00',
      at: '2025-12-15T10:00:00+01:00',
      by: 'sales',
    },
    context: { commandId: `sign:${contractId}`, actor: 'sales' },
  });
  if (!outcome.ok) throw new Error(outcome.error.message);
}

/** An instant `ms` after the clock's start, as the API writes it. */
export function after(ms: number): string {
  return new Date(T0 + ms).toISOString();
}

/** The problem document of a refusal: its status and code. */
export function expectProblem(response: Answer, status: number, code?: string) {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.body).toMatchObject({ status, ...(code === undefined ? {} : { code }) });
}
