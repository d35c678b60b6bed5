import { type EventStore, openMemoryStore } from '@hotline/eventstore';
import { EventRelay, InProcessBus, SoleRelay, silentLogger, supportTopics } from '@hotline/messaging';
import { VirtualClock } from '@hotline/platform';
import { createHttpServer, createLogger } from '@hotline/runtime';
import { createReportingService, type ReportingOptions } from '../../src/reporting-service.ts';
import { HotlineScenario } from './hotline-scenario.ts';

/**
 * The reporting service on the embedded components as the product runs them: a store, the relay
 * publishing its log to the in-process bus, the service consuming support.events.v1, a virtual clock.
 */
export async function reportingHarness(startAt: number, options: ReportingOptions & { store?: EventStore } = {}) {
  const ownStore = options.store === undefined;
  const store = options.store ?? (await openMemoryStore());
  const bus = new InProcessBus({ logger: silentLogger });
  await bus.ensureTopics(supportTopics);
  const relay = new EventRelay({ store, bus, checkpoints: new SoleRelay(), logger: silentLogger }).start();
  const logger = createLogger({ service: 'test', level: 'silent' });
  const clock = new VirtualClock(startAt);
  const service = createReportingService({ store, bus, logger, clock }, options);
  const app = await createHttpServer({
    service: 'reporting',
    logger,
    openapi: { title: 'reporting', version: 'test' },
  });
  await service.registerRoutes(app);
  await app.ready();
  await service.start();
  const scenario = new HotlineScenario(store);
  return {
    store,
    bus,
    clock,
    app,
    service,
    scenario,
    /** Every event appended so far is in the read model. */
    caughtUp: () => service.projections.caughtUp(),
    async get(url: string) {
      await service.projections.caughtUp();
      return app.inject({ method: 'GET', url });
    },
    async close() {
      await service.stop();
      await relay.stop();
      await app.close();
      await bus.close();
      if (ownStore) await store.close();
    },
  };
}

export type ReportingHarness = Awaited<ReturnType<typeof reportingHarness>>;
