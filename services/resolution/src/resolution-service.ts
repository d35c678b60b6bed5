import type { Subscription } from '@hotline/eventstore';
import type { HotlineService, ServiceContext } from '@hotline/platform';
import { ticketEventsOf } from '@hotline/platform';
import type { HttpServer } from '@hotline/runtime';
import { billRecordedTime } from './billing/time-billing.ts';
import { registerClosingRoutes } from './closing/closing-routes.ts';
import { runClosingSchedule } from './closing/closing-schedule.ts';
import { type ClosingRound, elapsedCloser } from './closing/elapsed-closer.ts';
import { ResolvedTickets, resolvedTicketsEventTypes } from './closing/resolved-tickets.ts';
import { registerDocumentRoutes } from './documentation/document-routes.ts';
import {
  documentStreamPrefix,
  ProductionDocuments,
  productionDocumentEventTypes,
} from './documentation/production-documents.ts';
import { FaqEntries, faqEventTypes, faqStreamPrefix } from './faq/faq-entries.ts';
import { registerFaqRoutes } from './faq/faq-routes.ts';
import { registerArticleRoutes } from './knowledge/article-routes.ts';
import { registerPatchRoutes } from './patches/patch-routes.ts';
import { registerRequalificationRoutes } from './tickets/requalification-routes.ts';
import { registerResolutionRoutes } from './tickets/resolution-routes.ts';
import { registerWorkRoutes } from './tickets/work-routes.ts';

export interface ResolutionOptions {
  /** Who closes tickets whose reopen window elapsed, as their history says (`resolution`). */
  readonly closingActor?: string;
  /** How long the closer leaves a ticket it could not close before trying again (one minute). */
  readonly closingRetryDelayMs?: number;
  /** Whether this replica bills the time recorded outside a contract (yes by default). */
  readonly billRecordedTime?: boolean;
}

export interface ResolutionService extends HotlineService {
  /** Closes the resolved tickets whose reopen window elapsed by `now`; the schedule runs it by itself. */
  closeElapsed(now: number): Promise<ClosingRound>;
  /**
   * Resolves once the read models (resolved tickets, production documents, FAQ) and the billing of recorded
   * time have handled every event stored so far.
   */
  caughtUp(): Promise<void>;
}

/**
 * The agents' service: their commands on tickets, the knowledge base, patches, production
 * documentation, the FAQ, the billing of time spent outside a contract, and the closing of tickets
 * whose reopen window elapsed.
 */
export function createResolutionService(context: ServiceContext, options: ResolutionOptions = {}): ResolutionService {
  const { store, clock, logger } = context;
  const retryDelayMs = options.closingRetryDelayMs ?? 60_000;
  const tickets = new ResolvedTickets();
  const documents = new ProductionDocuments();
  const faq = new FaqEntries();
  const closer = elapsedCloser({
    store,
    tickets,
    logger,
    actor: options.closingActor ?? 'resolution',
    retryDelayMs,
  });
  let running:
    | {
        subscription: Subscription;
        followers: readonly Subscription[];
        stop: AbortController;
        schedule: Promise<void>;
      }
    | undefined;

  return {
    name: 'resolution',

    registerRoutes(app: HttpServer) {
      registerWorkRoutes(app, context);
      registerResolutionRoutes(app, context);
      registerClosingRoutes(app, context);
      registerRequalificationRoutes(app, context);
      registerArticleRoutes(app, context);
      registerPatchRoutes(app, context);
      registerDocumentRoutes(app, context, documents);
      registerFaqRoutes(app, context, faq);
    },

    async start() {
      if (running !== undefined) return;
      const subscription = store.subscribe(
        (recorded) => {
          for (const event of ticketEventsOf([recorded])) tickets.apply(event);
        },
        { filter: { streamPrefixes: ['ticket-'], eventTypes: resolvedTicketsEventTypes } },
      );
      subscription.done.catch((error: unknown) => {
        logger.error({ err: error }, 'resolved tickets read model stopped: tickets will not close by themselves');
      });
      const documentFeed = store.subscribe((recorded) => documents.apply(recorded), {
        filter: { streamPrefixes: [documentStreamPrefix], eventTypes: productionDocumentEventTypes },
      });
      const faqFeed = store.subscribe((recorded) => faq.apply(recorded), {
        filter: { streamPrefixes: [faqStreamPrefix], eventTypes: faqEventTypes },
      });
      const readModels = [documentFeed, faqFeed];
      const billing = options.billRecordedTime === false ? [] : await billRecordedTime(context);
      const followers = [...readModels, ...billing];
      for (const follower of followers) {
        follower.done.catch((error: unknown) => {
          logger.error({ err: error }, 'a follower of the store stopped: documents, the FAQ or billing will lag');
        });
      }
      // The read model is rebuilt from the whole log before the first round, so that no candidate is missed.
      const head = await store.headPosition();
      await subscription.waitFor(head);
      for (const readModel of readModels) await readModel.waitFor(head);
      const stop = new AbortController();
      const schedule = runClosingSchedule({ closer, tickets, clock, logger, retryDelayMs, signal: stop.signal });
      running = { subscription, followers, stop, schedule };
    },

    async stop() {
      if (running === undefined) return;
      const { subscription, followers, stop, schedule } = running;
      running = undefined;
      stop.abort();
      await schedule;
      await subscription.stop();
      for (const follower of followers) await follower.stop();
    },

    closeElapsed: (now) => closer.closeElapsed(now),

    async caughtUp() {
      if (running === undefined) throw new Error('The resolution service is not started');
      const head = await store.headPosition();
      for (const subscription of [running.subscription, ...running.followers]) await subscription.waitFor(head);
    },
  };
}
