import type { EventStore } from '@hotline/eventstore';
import type { Bus } from '@hotline/messaging';
import type { HttpServer, Logger } from '@hotline/runtime';
import type { Redis } from 'ioredis';
import type { Clock } from '../clock/clock.ts';

/** What a service is given: the same in the one-process product and in a service's own process. */
export interface ServiceContext {
  readonly store: EventStore;
  readonly bus: Bus;
  readonly logger: Logger;
  readonly clock: Clock;
  /** Distributed mode's Redis (REDIS_URL): shared read models and timers. Absent in embedded mode. */
  readonly redis?: Redis;
}

/**
 * A service of the hotline: HTTP routes, and consumers started and stopped with the process.
 * The embedded product registers the five on one server; in distributed mode each runs alone.
 */
export interface HotlineService {
  readonly name: string;
  registerRoutes(app: HttpServer): void | Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
