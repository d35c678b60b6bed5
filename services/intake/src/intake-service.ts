import type { Consumer } from '@hotline/messaging';
import { ContractDirectory, type HotlineService, type ServiceContext } from '@hotline/platform';
import { registerIntakeRoutes } from './http/intake-routes.ts';
import { consumeInbound } from './inbound/inbound-consumer.ts';
import type { IntakeDependencies } from './requests/take-in.ts';

/** The door for everything that comes from outside the hotline, over HTTP and support.inbound.v1. */
export function createIntakeService(
  context: ServiceContext,
): HotlineService & { readonly contracts: ContractDirectory } {
  const contracts = new ContractDirectory();
  const deps: IntakeDependencies = { ...context, contracts };
  let consumer: Consumer | undefined;
  return {
    name: 'intake',
    contracts,
    registerRoutes(app) {
      registerIntakeRoutes(app, deps);
    },
    async start() {
      contracts.start(context.store);
      // Coverage is judged against every contract already recorded, so the directory catches up first.
      await contracts.caughtUp(context.store);
      consumer = await consumeInbound(context.bus, deps);
    },
    async stop() {
      await consumer?.stop();
      await contracts.stop();
    },
  };
}
