import { openMemoryStore } from '@hotline/eventstore';
import { InProcessBus, silentLogger, supportTopics } from '@hotline/messaging';
import { createHttpServer, createLogger } from '@hotline/runtime';
import { VirtualClock } from '../clock/clock.ts';
import type { HotlineService, ServiceContext } from '../service/hotline-service.ts';

/** A service on real embedded components (memory store, in-process bus, fastify) and a virtual clock. */
export async function serviceHarness(create: (context: ServiceContext) => HotlineService, startAt: number) {
  const store = await openMemoryStore();
  const bus = new InProcessBus({ logger: silentLogger });
  await bus.ensureTopics(supportTopics);
  const logger = createLogger({ service: 'test', level: 'silent' });
  const clock = new VirtualClock(startAt);
  const service = create({ store, bus, logger, clock });
  const app = await createHttpServer({
    service: service.name,
    logger,
    openapi: { title: service.name, version: 'test' },
  });
  await service.registerRoutes(app);
  await app.ready();
  await service.start();
  return {
    store,
    bus,
    clock,
    service,
    app,
    async close() {
      await service.stop();
      await app.close();
      await bus.close();
      await store.close();
    },
  };
}
