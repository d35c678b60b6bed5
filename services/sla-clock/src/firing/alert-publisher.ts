import { setTimeout as delay } from 'node:timers/promises';
import { type Alert, alertsTopic, type Bus } from '@hotline/messaging';
import type { Logger } from '@hotline/runtime';

const BACKOFF_MS = [100, 1_000, 5_000];

interface Waiting {
  readonly alerts: readonly Alert[];
  readonly done: () => void;
}

/**
 * Publishes the alerts of the firings in flight together: one publish per turn of the event loop
 * instead of one per firing, which on Kafka is one produce request (and one wait for the replicas)
 * for a whole burst of crossings. A failed publish is tried again after 0.1, 1 and 5 s, then given up
 * loudly: the facts are in the store and reach support.events.v1 through the relay anyway.
 */
export class AlertPublisher {
  #bus: Pick<Bus, 'publish'>;
  #logger: Logger;
  #waiting: Waiting[] = [];

  constructor(bus: Pick<Bus, 'publish'>, logger: Logger) {
    this.#bus = bus;
    this.#logger = logger;
  }

  /** Resolves once the alerts were published, or given up on. */
  publish(alerts: readonly Alert[]): Promise<void> {
    if (alerts.length === 0) return Promise.resolve();
    return new Promise((done) => {
      if (this.#waiting.length === 0) setImmediate(() => void this.#flush());
      this.#waiting.push({ alerts, done });
    });
  }

  async #flush(): Promise<void> {
    const batch = this.#waiting.splice(0);
    const alerts = batch.flatMap((each) => each.alerts);
    const messages = alerts.map((alert) => ({ key: alert.ticketId, payload: alert }));
    for (let attempt = 0; ; attempt++) {
      try {
        await this.#bus.publish(alertsTopic, messages);
        break;
      } catch (error) {
        const wait = BACKOFF_MS[attempt];
        if (wait === undefined) {
          this.#logger.error(
            { err: error, alertIds: alerts.map((alert) => alert.alertId) },
            'SLA alerts not published',
          );
          break;
        }
        await delay(wait);
      }
    }
    for (const each of batch) each.done();
  }
}
