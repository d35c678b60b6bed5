import type { EventStore, RecordedEvent } from '@hotline/eventstore';
import {
  alertsTopic,
  type Bus,
  type FollowerState,
  LogFollower,
  type RelayCheckpoints,
  type RelayLeadership,
  type SlaAlert,
} from '@hotline/messaging';
import type { Logger } from '@hotline/runtime';

/** The facts an alert is dispatched for, and where they are. */
export const alertedFacts = { streamPrefixes: ['sla-'], eventTypes: ['SlaWarningRaised', 'SlaBreached'] } as const;

export interface AlertDispatcherOptions {
  readonly store: Pick<EventStore, 'subscribe' | 'headPosition'>;
  readonly bus: Pick<Bus, 'publish'>;
  readonly leadership: RelayLeadership;
  readonly checkpoints: RelayCheckpoints;
  /** The alerts of stored facts, in their order (each alert's id is its fact's event id). */
  readonly alertsOf: (facts: readonly RecordedEvent[]) => Promise<SlaAlert[]>;
  readonly logger: Logger;
  /** Most alerts in one publish (and one checkpoint write): 1,000. */
  readonly maxBatchSize?: number;
  /** Facts read ahead of the publisher; the store's subscription waits beyond that (10,000). */
  readonly bufferSize?: number;
}

export type DispatcherState = FollowerState;

/**
 * The alert outbox: follows the store's SLA facts from a durable checkpoint and publishes an alert for
 * each to support.alerts.v1, then moves the checkpoint: the relay's loop (`LogFollower`), filtered to
 * the facts. The fact is appended first and the alert follows from the store, so no crash, restart or
 * bus outage between the two loses an alert: the next dispatcher starts again at the checkpoint.
 * Delivery is at least once (what was published but not checkpointed is published again), and the
 * alert id is the fact's event id, so consumers drop the repeats. One dispatcher is active at a time
 * (a lease with a fencing token, as the relay's). What arrives while a batch is in flight makes the
 * next batch, so a burst of crossings is published in a few produce requests, and a lone one at once.
 */
export class AlertDispatcher extends LogFollower {
  #store: Pick<EventStore, 'headPosition'>;

  constructor(options: AlertDispatcherOptions) {
    const { bus, alertsOf } = options;
    super({
      name: 'SLA alert dispatcher',
      store: options.store,
      leadership: options.leadership,
      checkpoints: options.checkpoints,
      filter: alertedFacts,
      publish: async (facts, untilSent) => {
        const alerts = await alertsOf(facts);
        if (alerts.length === 0) return 0;
        const messages = alerts.map((alert) => ({ key: alert.ticketId, payload: alert }));
        await untilSent(() => bus.publish(alertsTopic, messages));
        return alerts.length;
      },
      maxBatchSize: options.maxBatchSize,
      bufferSize: options.bufferSize ?? 10_000,
      logger: options.logger,
    });
    this.#store = options.store;
  }

  /**
   * Positions behind: from the store's head back to where this dispatcher's alerts are all published.
   * Null when another replica dispatches.
   */
  async lag(): Promise<number | null> {
    if (this.through() === null) return null;
    const head = await this.#store.headPosition();
    const through = this.through() ?? head;
    return Number(head > through ? head - through : 0n);
  }

  /**
   * Resolves once every fact up to `position` is published, when this dispatcher is the active one;
   * at once when another replica dispatches (it is that one's to wait for).
   */
  dispatched(position: bigint): Promise<void> {
    return this.caughtUp(position);
  }
}
