import { acmeMaintenanceTerms } from '@hotline/domain';
import { openMemoryStore } from '@hotline/eventstore';
import { InProcessBus, silentLogger, supportTopics } from '@hotline/messaging';
import { VirtualClock } from '@hotline/platform';
import { createHttpServer, createLogger } from '@hotline/runtime';
import { createIntakeService } from '../src/intake-service.ts';

/** Intake on real embedded components: the in-memory store, the in-process bus, a fastify server. */
export async function intakeHarness() {
  const store = await openMemoryStore();
  const bus = new InProcessBus({ logger: silentLogger });
  await bus.ensureTopics(supportTopics);
  const logger = createLogger({ service: 'intake-test', level: 'silent' });
  const clock = new VirtualClock(Date.parse('2026-05-07T16:00:00+02:00'));
  const intake = createIntakeService({ store, bus, logger, clock });
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
