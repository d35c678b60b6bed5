import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acmeMaintenanceTerms } from '@hotline/domain';
import { type EventStore, openMemoryStore, openSqliteStore } from '@hotline/eventstore';
import { InProcessBus, silentLogger, supportTopics } from '@hotline/messaging';
import { domainUpcaster, VirtualClock } from '@hotline/platform';
import { createHttpServer, createLogger } from '@hotline/runtime';
import { expect } from 'vitest';
import { createIntakeService } from '../src/intake-service.ts';

/**
 * Intake on real embedded components: the in-memory store (or the SQLite store of the product, in a
 * temporary folder), the in-process bus, a fastify server.
 */
export async function intakeHarness(options: { sqlite?: boolean; upstreamSystems?: readonly string[] } = {}) {
  const folder = options.sqlite ? mkdtempSync(join(tmpdir(), 'intake-')) : undefined;
  const store: EventStore =
    folder === undefined
      ? await openMemoryStore()
      : await openSqliteStore({ file: join(folder, 'events.sqlite'), upcast: domainUpcaster });
  const bus = new InProcessBus({ logger: silentLogger });
  await bus.ensureTopics(supportTopics);
  const logger = createLogger({ service: 'intake-test', level: 'silent' });
  const clock = new VirtualClock(Date.parse('2026-05-07T16:00:00+02:00'));
  const intake = createIntakeService({ store, bus, logger, clock }, { upstreamSystems: options.upstreamSystems });
  const app = await createHttpServer({ service: 'intake', logger, openapi: { title: 'Intake', version: 'test' } });
  intake.registerRoutes(app);
  await app.ready();
  await intake.start();
  return {
    store,
    bus,
    clock,
    intake,
    app,
    async close() {
      await intake.stop();
      await app.close();
      await bus.close();
      await store.close();
      if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
    },
  };
}

export const acmeContract = {
  contractId: 'ACME-M',
  clientId: 'ACME',
  reference: 'ACME-M-2026',
  terms: acmeMaintenanceTerms,
  effectiveFrom: '2026-01-01T00:00:00+01:00',
  by: 'sales-sam',
  occurredAt: '2025-12-15T10:00:00+01:00',
};

export const p2Submission = {
  externalId: 'CP-48213',
  clientId: 'ACME',
  product: 'ERP',
  version: '12.4',
  environment: 'production',
  nature: 'malfunction',
  priority: 'P2',
  description: 'Invoices fail to post',
  reproductionSteps: 'Post any invoice dated in May',
  reportedBy: 'contact-cleo',
  occurredAt: '2026-05-07T16:00:00+02:00',
};

export type IntakeHarness = Awaited<ReturnType<typeof intakeHarness>>;

export interface Answer {
  readonly status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read any path of a JSON answer.
  readonly body: any;
  readonly type: string | undefined;
}

/** An HTTP call as the tests make it: a JSON body, an Idempotency-Key when given. */
export async function call(
  harness: IntakeHarness,
  method: 'POST' | 'PUT' | 'GET',
  url: string,
  payload?: object,
  key?: string,
): Promise<Answer> {
  const response = await harness.app.inject({
    method,
    url,
    ...(payload === undefined ? {} : { payload }),
    headers: key === undefined ? {} : { 'idempotency-key': key },
  });
  const type = response.headers['content-type'];
  return { status: response.statusCode, body: response.json(), type: typeof type === 'string' ? type : undefined };
}

/** A refusal: an RFC 9457 problem document with its status and the domain's code. */
export function expectProblem(answer: Answer, status: number, code: string): void {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(answer.type).toContain('application/problem+json');
  expect(answer.body).toMatchObject({ status, code });
}
