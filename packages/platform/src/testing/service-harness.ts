import { openMemoryStore } from '@hotline/eventstore';
import { InProcessBus, silentLogger, supportTopics } from '@hotline/messaging';
import { type AccessControlOptions, createHttpServer, createLogger } from '@hotline/runtime';
import { VirtualClock } from '../clock/clock.ts';
import type { HotlineService, ServiceContext } from '../service/hotline-service.ts';
import { ticketOwnerFromStore } from '../tickets/ticket-owner.ts';

export interface HarnessOptions {
  /** Access control as a process would run it (AUTH=on); the ticket owner defaults to the store's. */
  readonly access?: AccessControlOptions;
}

/** A service on real embedded components (memory store, in-process bus, fastify) and a virtual clock. */
export async function serviceHarness(
  create: (context: ServiceContext) => HotlineService,
  startAt: number,
  { access }: HarnessOptions = {},
) {
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
    ...(access === undefined ? {} : { access: { ticketOwner: ticketOwnerFromStore(store), ...access } }),
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
