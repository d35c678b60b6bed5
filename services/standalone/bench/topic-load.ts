import { randomUUID } from 'node:crypto';
import { ticketIdFor } from '@hotline/intake';
import type { OutgoingMessage } from '@hotline/messaging';
import { type Spread, total } from './figures.ts';
import type { HttpClient } from './http-client.ts';
import { untilVisible, visibleTickets } from './projection-count.ts';
import { VisibilityProbe } from './visibility-probe.ts';

export const SOURCE = 'bench-portal';
const TICK_MS = 10;
const BACKLOG_SECONDS = 1;

/** A submission as an upstream system puts it on support.inbound.v1, keyed by its reference. */
export function inboundSubmission(payload: Record<string, unknown>): OutgoingMessage<unknown> {
  return {
    key: String(payload.externalId),
    payload: {
      messageId: randomUUID(),
      source: SOURCE,
      occurredAt: new Date().toISOString(),
      kind: 'ticket.submitted',
      payload,
    },
  };
}

export interface TopicLoadOptions {
  /** Puts messages on support.inbound.v1 (the in-process bus through the product, or Kafka). */
  readonly publish: (messages: OutgoingMessage<unknown>[]) => Promise<void>;
  readonly reporting: HttpClient;
  readonly next: () => Record<string, unknown>;
  /** Tickets per second offered. */
  readonly rate: number;
  readonly durationMs: number;
  readonly warmUpMs: number;
  /** The burst that measures how fast the product drains a backlog. */
  readonly burst: number;
  /** Told of the tickets of each publish of the counted window as it is made (ms since the epoch). */
  readonly onPublished?: (ticketIds: readonly string[], at: number) => void;
  /** Messages each consumer group has not handled yet (`consumer-lag.ts`). */
  readonly consumerLag: () => Promise<Record<string, number>>;
}

export interface TopicLoadFigures {
  /** Tickets published in all, burst included. */
  readonly published: number;
  readonly offered: number;
  /** Tickets that became visible per second over the counted window. */
  readonly visibleRate: number;
  /** Tickets published but not visible when the offer stopped. */
  readonly backlog: number;
  /** Share of the offer's ticks held back because the backlog was full: the product did not keep up. */
  readonly held: number;
  readonly lag: Spread;
  readonly probeRequests: number;
  readonly probeTimedOut: number;
  /** Tickets per second while draining a burst published at once. */
  readonly drainRate: number | undefined;
  /** Messages each consumer group had not handled when the steady offer stopped, and once the burst showed. */
  readonly behindAtStop: Record<string, number>;
  readonly behindAfterBurst: Record<string, number>;
  /**
   * From the burst showing in the projection to every consumer group having handled everything
   * (triage's dispatch included), ms; undefined past 5 minutes. The gauges refresh every 5 s.
   */
  readonly caughtUpMs: number | undefined;
}

/**
 * A steady offer at `rate` tickets per second (a batch every 10 ms, as an upstream producer
 * lingers: Kafka's own producer waits 5 ms by default; 50 ms until the tenth run), its projection
 * lag (from the publish call to the ticket in reporting's projection) on sampled tickets, and the
 * rate at which tickets show; then a burst, whose drain time gives the
 * rate the product reaches when work waits for it. A product that cannot keep up is allowed a
 * backlog of one second of the offer, then the offer waits for it (`held`): the run then reads
 * the rate the product sustains, and the lag is the queue the bench allowed, not a property of
 * the product; the lag tells of the product only when nothing was held back.
 */
export async function topicLoad(options: TopicLoadOptions): Promise<TopicLoadFigures> {
  const probe = new VisibilityProbe(options.reporting, { everyNth: 20, maxInFlight: 8, timeoutMs: 60_000 });
  const visibleAtStart = await visibleTickets(options.reporting);
  const begun = performance.now();
  const countFrom = begun + options.warmUpMs;
  const until = begun + options.durationMs;
  let published = 0;
  let visibleAtCount: { at: number; count: number } | undefined;
  const sends: Promise<void>[] = [];
  let visible = visibleAtStart;
  let counting = true;
  const counter = (async () => {
    while (counting) {
      visible = await visibleTickets(options.reporting);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  const maxBacklog = options.rate * BACKLOG_SECONDS;
  let heldTicks = 0;
  let ticks = 0;
  for (let tick = 0; ; tick += 1) {
    const due = begun + tick * TICK_MS;
    if (due >= until) break;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (visibleAtCount === undefined && performance.now() >= countFrom) {
      visibleAtCount = { at: performance.now(), count: await visibleTickets(options.reporting) };
    }
    // The whole offer up to this tick, so that a late tick catches up instead of lowering the rate,
    // unless the backlog is full.
    ticks += 1;
    const offer = Math.floor(((tick + 1) * TICK_MS * options.rate) / 1000);
    const target = Math.min(offer, visible - visibleAtStart + maxBacklog);
    if (target < offer) heldTicks += 1;
    if (target <= published) continue;
    const payloads = Array.from({ length: target - published }, options.next);
    published = target;
    const since = performance.now();
    const ticketIdOf = (payload: Record<string, unknown>) => ticketIdFor(SOURCE, String(payload.externalId));
    if (since >= countFrom) options.onPublished?.(payloads.map(ticketIdOf), performance.timeOrigin + since);
    const sent = options.publish(payloads.map(inboundSubmission)).then(() => {
      if (since < countFrom) return;
      for (const payload of payloads) probe.offer(() => ticketIdOf(payload), since);
    });
    sends.push(sent);
    // A publish that lags behind holds the loop: the offer never runs ahead of the bus by more than a few batches.
    if (sends.length > 8) await sends.shift();
  }
  await Promise.all(sends);
  counting = false;
  await counter;
  const stoppedAt = performance.now();
  const visibleAtEnd = await visibleTickets(options.reporting);
  const behindAtStop = await options.consumerLag();
  const start = visibleAtCount ?? { at: begun, count: visibleAtStart };
  const visibleRate = (visibleAtEnd - start.count) / ((stoppedAt - start.at) / 1000);
  const backlog = visibleAtStart + published - visibleAtEnd;
  const probed = await probe.figures();
  // The steady part's backlog first, so that the burst starts from an idle product.
  await untilVisible(options.reporting, visibleAtStart + published, 300_000);
  const before = await visibleTickets(options.reporting);
  const burst = Array.from({ length: options.burst }, () => inboundSubmission(options.next()));
  const burstBegun = performance.now();
  for (let i = 0; i < burst.length; i += 500) await options.publish(burst.slice(i, i + 500));
  const drained = await untilVisible(options.reporting, before + burst.length, 300_000);
  const drainMs = performance.now() - burstBegun;
  const behindAfterBurst = await options.consumerLag();
  const caughtUpMs = await untilCaughtUp(options.consumerLag, 300_000);
  return {
    published: published + burst.length,
    offered: published / (options.durationMs / 1000),
    visibleRate,
    backlog,
    held: ticks === 0 ? 0 : heldTicks / ticks,
    lag: probed.latency,
    probeRequests: probed.requests,
    probeTimedOut: probed.timedOut,
    drainRate: drained === undefined ? undefined : burst.length / (drainMs / 1000),
    behindAtStop,
    behindAfterBurst,
    caughtUpMs,
  };
}

async function untilCaughtUp(
  consumerLag: () => Promise<Record<string, number>>,
  timeoutMs: number,
): Promise<number | undefined> {
  const begun = performance.now();
  for (;;) {
    if (total(await consumerLag()) === 0) return performance.now() - begun;
    if (performance.now() - begun > timeoutMs) return undefined;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}
