import { defaultRequalificationRules, RequalificationRule } from '@hotline/domain';
import type { Consumer } from '@hotline/messaging';
import type { HotlineService, ServiceContext } from '@hotline/platform';
import { consumeTriageEvents } from './automatic/triage-consumer.ts';
import type { AutomaticTriage } from './automatic/triage-steps.ts';
import { TriageDirectories } from './directory/triage-directories.ts';
import { registerDirectoryRoutes } from './http/directory-routes.ts';
import { registerManualTriageRoutes } from './http/manual-triage-routes.ts';

export interface TriageOptions {
  /** Tried in order, the first that fires wins; the hotline's defaults otherwise. */
  readonly rules?: readonly RequalificationRule[];
  /** The consumer group on support.events.v1 (`triage`): replicas share it, each gets some partitions. */
  readonly group?: string;
}

export interface TriageService extends HotlineService {
  /** The agents, their load and the contracts, as this process folded them from the store. */
  readonly directories: TriageDirectories;
  readonly rules: readonly RequalificationRule[];
}

/**
 * Triage: reacts to received tickets (requalification rules, dispatch to the least loaded available
 * agent who knows the product, an alert when nobody can take one), and lets the hotline manager
 * requalify and reassign by hand.
 */
export function createTriageService(context: ServiceContext, options: TriageOptions = {}): TriageService {
  // Rules come from configuration: a rule that says nothing or changes nothing fails at start, not at the first ticket.
  const rules = RequalificationRule.array().parse(options.rules ?? defaultRequalificationRules);
  const group = options.group ?? 'triage';
  const directories = new TriageDirectories(context.store);
  const triage: AutomaticTriage = { context, directories, rules };
  let consumer: Consumer | undefined;

  return {
    name: 'triage',
    directories,
    rules,
    registerRoutes(app) {
      registerManualTriageRoutes(app, context, directories);
      registerDirectoryRoutes(app, directories, rules);
    },
    async start() {
      const agents = directories.start();
      agents.done.catch((error: unknown) =>
        context.logger.error({ err: error }, 'the agent directory failed: triage decides nothing more until a restart'),
      );
      // Dispatching on a half-built directory would pile the backlog onto the first agents it knows.
      await directories.caughtUp();
      consumer = await consumeTriageEvents(context.bus, triage, group);
    },
    async stop() {
      await consumer?.stop();
      consumer = undefined;
      await directories.stop();
    },
  };
}
