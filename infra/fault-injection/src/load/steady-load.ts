import { randomUUID } from 'node:crypto';
import { ticketIdFor } from '@hotline/intake';
import { type Bus, inboundTopic } from '@hotline/messaging';
import { IDEMPOTENCY_KEY_HEADER } from '@hotline/platform';
import { type Retrying, retried } from './retry.ts';

/** The upstream system the topic's tickets come from: one the compose file's UPSTREAM_SYSTEMS names. */
export const TOPIC_SOURCE = 'erp';
const TICK_MS = 100;
const DAY_MS = 86_400_000;

export interface AcceptedTicket {
  readonly ticketId: string;
  readonly externalId: string;
  readonly door: 'http' | 'topic';
  /** Tries before the hotline took it: 1 unless a fault refused it first. */
  readonly attempts: number;
}

export interface SteadyLoadOptions {
  /** Intake's address; read at each try, so a restarted intake is found where it listens. */
  readonly intake: () => string;
  /** A bus of the test's own, to put messages on support.inbound.v1 as an upstream system does. */
  readonly bus: Bus;
  /** Valid submissions (`ticketSubmissions` of the load bench). */
  readonly next: () => Record<string, unknown>;
  /** Tickets per second through each door. */
  readonly perSecond: { readonly http: number; readonly topic: number };
  /**
   * One ticket in `lateEvery` happened a month ago (its occurredAt says so): its deadlines are all
   * past, so the SLA clock raises warnings and breaches at once and the alerts' path works under the faults.
   */
  readonly lateEvery: number;
  /** How long a submission is retried before the client gives up on it (90 s). */
  readonly giveUpAfterMs?: number;
  /**
   * Submissions waiting for an answer at most (100): beyond, the offer holds back, as a client pool
   * does, rather than pile up retries that a restarting service must then wade through.
   */
  readonly maxInFlight?: number;
}

export interface LoadFigures {
  readonly offered: number;
  readonly accepted: number;
  /** Accepted after at least one refusal (a 5xx, a reset connection, a failed publish). */
  readonly retried: number;
  readonly refusals: Readonly<Record<string, number>>;
  /** Submissions not offered because `maxInFlight` were waiting. */
  readonly held: number;
  readonly abandoned: readonly string[];
  /** Submissions the hotline answered with something no retry changes (a 4xx), with the answer. */
  readonly failures: readonly string[];
}

/**
 * A steady offer of tickets through both of intake's doors, as integrators send them: over HTTP
 * with an Idempotency-Key and their own externalId, and on the inbound topic with a messageId. What
 * is refused (a 5xx, a reset connection, a publish that failed) is sent again, same key, same
 * messageId, until it is taken; a ticket counts as accepted once the hotline said so (a 2xx, a
 * publish acknowledged by the broker).
 */
export class SteadyLoad {
  readonly #options: SteadyLoadOptions;
  readonly #accepted = new Map<string, AcceptedTicket>();
  readonly #refusals = new Map<string, number>();
  readonly #abandoned: string[] = [];
  readonly #failures: string[] = [];
  readonly #inFlight = new Set<Promise<void>>();
  #cancelled = false;
  #offered = 0;
  #held = 0;
  #waiting = 0;
  #sequence = 0;
  #timer: NodeJS.Timeout | undefined;

  constructor(options: SteadyLoadOptions) {
    this.#options = options;
  }

  /** Every ticket accepted since the load was made, by ticket id. */
  get accepted(): ReadonlyMap<string, AcceptedTicket> {
    return this.#accepted;
  }

  start(): void {
    if (this.#timer !== undefined) return;
    const begun = performance.now();
    let due = { http: 0, topic: 0 };
    this.#timer = setInterval(() => {
      const elapsed = (performance.now() - begun) / 1000;
      const http = Math.floor(elapsed * this.#options.perSecond.http) - due.http;
      const topic = Math.floor(elapsed * this.#options.perSecond.topic) - due.topic;
      due = { http: due.http + http, topic: due.topic + topic };
      const room = (wanted: number) => {
        const given = Math.max(0, Math.min(wanted, (this.#options.maxInFlight ?? 100) - this.#waiting));
        this.#held += wanted - given;
        return given;
      };
      const overHttp = room(http);
      for (let i = 0; i < overHttp; i++) this.#track(1, this.#overHttp(this.#submission()));
      const onTopic = room(topic);
      if (onTopic > 0) this.#track(onTopic, this.#onTopic(Array.from({ length: onTopic }, () => this.#submission())));
    }, TICK_MS);
  }

  /** Stops offering, then waits until every submission in flight is taken or given up. */
  async stop(): Promise<LoadFigures> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    while (this.#inFlight.size > 0) await Promise.all(this.#inFlight);
    return this.figures();
  }

  /** Stops offering and retrying: what is in flight ends at its next refusal (the suite's teardown). */
  async cancel(): Promise<void> {
    this.#cancelled = true;
    await this.stop();
  }

  figures(): LoadFigures {
    return {
      offered: this.#offered,
      accepted: this.#accepted.size,
      retried: [...this.#accepted.values()].filter(({ attempts }) => attempts > 1).length,
      refusals: Object.fromEntries(this.#refusals),
      held: this.#held,
      abandoned: [...this.#abandoned],
      failures: [...this.#failures],
    };
  }

  #submission(): Record<string, unknown> {
    this.#offered += 1;
    this.#sequence += 1;
    const payload = this.#options.next();
    const late = this.#sequence % this.#options.lateEvery === 0;
    return late ? { ...payload, occurredAt: new Date(Date.now() - 30 * DAY_MS).toISOString() } : payload;
  }

  #track(submissions: number, work: Promise<void>): void {
    this.#waiting += submissions;
    const settled = work.catch((error: unknown) => {
      this.#failures.push((error as Error).message);
    });
    this.#inFlight.add(settled);
    void settled.finally(() => {
      this.#inFlight.delete(settled);
      this.#waiting -= submissions;
    });
  }

  #refused = (reason: string) => this.#refusals.set(reason, (this.#refusals.get(reason) ?? 0) + 1);

  #retrying(): Retrying {
    return {
      giveUpAfterMs: this.#options.giveUpAfterMs ?? 90_000,
      onRefusal: this.#refused,
      cancelled: () => this.#cancelled,
    };
  }

  async #overHttp(submission: Record<string, unknown>): Promise<void> {
    const externalId = String(submission.externalId);
    const key = randomUUID();
    const body = JSON.stringify(submission);
    const outcome = await retried(this.#retrying(), async () => {
      const answer = await fetch(`${this.#options.intake()}/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [IDEMPOTENCY_KEY_HEADER]: key },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      const text = await answer.text();
      if (answer.status >= 500 || answer.status === 429) return { refused: `http ${answer.status}` };
      if (!answer.ok) throw new Error(`POST /tickets ${externalId}: ${answer.status} ${text}`);
      const ticketId = (answer.headers.get('location') ?? '').replace('/tickets/', '');
      if (ticketId === '') throw new Error(`POST /tickets ${externalId}: ${answer.status} without a location`);
      return { done: ticketId };
    });
    if (outcome.done === undefined) this.#abandoned.push(externalId);
    else this.#take({ ticketId: outcome.done, externalId, door: 'http', attempts: outcome.attempts });
  }

  async #onTopic(submissions: Record<string, unknown>[]): Promise<void> {
    // One messageId per submission for good: a message sent again is the same message.
    const messages = submissions.map(({ occurredAt, ...payload }) => ({
      key: String(payload.externalId),
      payload: {
        messageId: randomUUID(),
        source: TOPIC_SOURCE,
        occurredAt: typeof occurredAt === 'string' ? occurredAt : new Date().toISOString(),
        kind: 'ticket.submitted' as const,
        payload,
      },
    }));
    const outcome = await retried(this.#retrying(), async () => {
      // The payloads are the workload's, untyped here: the bus checks each against the topic's contract.
      await this.#options.bus.publish(inboundTopic, messages as never);
      return { done: true };
    });
    for (const { key } of messages) {
      if (outcome.done === undefined) this.#abandoned.push(key);
      else
        this.#take({
          ticketId: ticketIdFor(TOPIC_SOURCE, key),
          externalId: key,
          door: 'topic',
          attempts: outcome.attempts,
        });
    }
  }

  #take(ticket: AcceptedTicket): void {
    const known = this.#accepted.get(ticket.ticketId);
    if (known !== undefined && known.externalId !== ticket.externalId) {
      throw new Error(`${ticket.externalId} and ${known.externalId} were given one ticket, ${ticket.ticketId}`);
    }
    this.#accepted.set(ticket.ticketId, ticket);
  }
}
