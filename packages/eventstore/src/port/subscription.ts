import type { RecordedEvent } from './envelope.ts';

/** Which events a subscription hands over; each list, when given, must match. */
export interface SubscriptionFilter {
  /** The stream name starts with one of these (`ticket-`, `sla-`). */
  streamPrefixes?: readonly string[];
  /** The event type is one of these, exactly. */
  eventTypes?: readonly string[];
}

export interface SubscribeOptions {
  /** Start after this global position (exclusive): a consumer's checkpoint. From the start by default. */
  after?: bigint;
  filter?: SubscriptionFilter;
}

export type EventHandler = (event: RecordedEvent) => void | Promise<void>;

/**
 * A catch-up subscription: the history after `after`, then live events, in global order, one
 * at a time. The next event is not fetched before the handler's promise settles (backpressure).
 * A slow handler holds back its own subscription only: the store's other subscriptions go on.
 */
export interface Subscription {
  /** Every event up to here was handled or skipped by the filter: a consumer's checkpoint. */
  readonly position: bigint;
  /** Resolves once the subscription got to `position` (handled or filtered out everything up to it). */
  waitFor(position: bigint, options?: { timeoutMs?: number }): Promise<void>;
  /** Settles when the subscription stops: resolves after `stop()`, rejects with the handler's error. */
  readonly done: Promise<void>;
  stop(): Promise<void>;
}

export function matchesFilter(filter: SubscriptionFilter | undefined, stream: string, type: string): boolean {
  if (filter === undefined) return true;
  const { streamPrefixes, eventTypes } = filter;
  if (streamPrefixes !== undefined && !streamPrefixes.some((prefix) => stream.startsWith(prefix))) return false;
  if (eventTypes !== undefined && !eventTypes.includes(type)) return false;
  return true;
}
