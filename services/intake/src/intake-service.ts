import type { Subscription } from '@hotline/eventstore';
import type { Consumer } from '@hotline/messaging';
import { ContractDirectory, type HotlineService, type ServiceContext } from '@hotline/platform';
import { registerBillingRoutes } from './http/billing-routes.ts';
import { registerClientRoutes } from './http/client-routes.ts';
import { registerIntakeRoutes } from './http/intake-routes.ts';
import { registerObjectivesRoutes } from './http/objectives-routes.ts';
import { registerTrainingRoutes } from './http/training-routes.ts';
import { consumeInbound } from './inbound/inbound-consumer.ts';
import type { IntakeDependencies } from './requests/take-in.ts';
import { followTrainings } from './trainings/training-skills.ts';

export interface IntakeOptions {
  /** The sources support.inbound.v1 takes in (`UPSTREAM_SYSTEMS`); every source when undefined. */
  readonly upstreamSystems?: readonly string[] | undefined;
}

/** The door for everything that comes from outside the hotline, over HTTP and support.inbound.v1. */
export function createIntakeService(
  context: ServiceContext,
  options: IntakeOptions = {},
): HotlineService & {
  readonly contracts: ContractDirectory;
  /** Resolves once every training completed so far has reached the agents' and products' streams. */
  trainingsApplied(): Promise<void>;
} {
  const contracts = new ContractDirectory();
  const deps: IntakeDependencies = { ...context, contracts };
  let consumer: Consumer | undefined;
  let trainings: Subscription | undefined;
  return {
    name: 'intake',
    contracts,
    registerRoutes(app) {
      registerIntakeRoutes(app, deps);
      registerObjectivesRoutes(app, context);
      registerClientRoutes(app, context);
      registerBillingRoutes(app, context);
      registerTrainingRoutes(app, context);
    },
    async start() {
      contracts.start(context.store);
      // Coverage is judged against every contract already recorded, so the directory catches up first.
      await contracts.caughtUp();
      consumer = await consumeInbound(context.bus, deps, 'intake', options.upstreamSystems);
      trainings = followTrainings(context);
      trainings.done.catch((error: unknown) => {
        context.logger.error({ err: error }, 'trainings stopped reaching the agents: restart intake');
      });
    },
    async trainingsApplied() {
      if (trainings === undefined) throw new Error('The intake service is not started');
      await trainings.waitFor(await context.store.headPosition());
    },
    async stop() {
      await trainings?.stop();
      trainings = undefined;
      await consumer?.stop();
      await contracts.stop();
    },
  };
}
