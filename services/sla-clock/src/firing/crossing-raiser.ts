import { setTimeout as delay } from 'node:timers/promises';
import {
  crossingNameOf,
  currentCoverage,
  planCrossings,
  raisableAt,
  type SignedContract,
  type SlaEvaluation,
  type SlaEvent,
  slaEventRegistry,
  slaEventsFor,
  ticketSla,
} from '@hotline/domain';
import {
  type EventStore,
  type ExpectedRevision,
  NO_STREAM,
  nameBasedUuid,
  type RecordedEvent,
  RevisionConflictError,
  toDomainEvent,
} from '@hotline/eventstore';
import { type Alert, alertsTopic, type Bus } from '@hotline/messaging';
import { type Clock, streams, ticketEventsOf } from '@hotline/platform';
import type { Logger } from '@hotline/runtime';
import type { TimerClaim, TimerStore } from '../timers/timer-store.ts';
import { slaAlert } from './sla-alert.ts';

export interface CrossingRaiserOptions {
  readonly store: EventStore;
  readonly bus: Pick<Bus, 'publish'>;
  readonly timers: TimerStore;
  readonly clock: Clock;
  readonly contractOf: (contractId: string) => SignedContract | undefined;
  readonly logger: Logger;
  /** Who raises, as the facts say (`sla-clock`). */
  readonly actor: string;
  /** How long a ticket whose contract this replica does not know yet waits before another look. */
  readonly retryDelayMs: number;
}

/** What one firing of a ticket's timer did. */
export interface Firing {
  readonly ticketId: string;
  readonly claim: TimerClaim;
  readonly firedAt: number;
  /** The facts this firing recorded: none when the ticket moved on meanwhile, or another firer was first. */
  readonly raised: readonly SlaEvent[];
  readonly alerts: readonly Alert[];
}

const MAX_ATTEMPTS = 5;
const PUBLISH_BACKOFF_MS = [100, 1_000, 5_000];

/**
 * Fires one claimed timer: reads the ticket as it is now (an answer recorded meanwhile raises
 * nothing), raises every crossing past and not raised yet (late ones too, each with its crossing
 * instant and the raising instant), appends the facts to `sla-<ticketId>` under the ids their
 * crossings name, then alerts, then moves the timer to the next crossing. The append expects the SLA
 * stream's exact revision, so two firers of one ticket cannot both record a crossing: the second one
 * reads again and finds it raised. Only the firer whose append wrote the facts alerts.
 */
export function crossingRaiser(options: CrossingRaiserOptions) {
  const { store, timers, clock, contractOf, logger, actor } = options;

  return async function fire(claim: TimerClaim): Promise<Firing> {
    const { ticketId } = claim;
    const raised: SlaEvent[] = [];
    const alerts: Alert[] = [];
    for (let attempt = 1; ; attempt++) {
      const now = clock.now();
      const [ticketRecorded, slaRecorded] = await Promise.all([
        store.readStream(streams.ticket(ticketId)),
        store.readStream(streams.sla(ticketId)),
      ]);
      const events = ticketEventsOf(ticketRecorded);
      if (events.length === 0) {
        await timers.complete(claim, null);
        return { ticketId, claim, firedAt: now, raised, alerts };
      }
      const coverage = currentCoverage(events);
      const contract = coverage.contractId === null ? undefined : contractOf(coverage.contractId);
      if (coverage.status === 'covered' && contract === undefined) {
        // The contract's events are behind this replica's subscription: look again shortly.
        logger.warn({ ticketId, contractId: coverage.contractId }, 'timer fired before its contract was known');
        await timers.complete(claim, now + options.retryDelayMs);
        return { ticketId, claim, firedAt: now, raised, alerts };
      }
      const sla = ticketSla(events, (id) => (id === contract?.contractId ? contract : undefined), now);
      const plan = planCrossings(ticketId, sla.evaluation, raisedIn(slaRecorded), now);
      const facts = contract === undefined ? [] : slaEventsFor(ticketId, contract.contractId, plan.due, now, actor);
      if (facts.length > 0) {
        try {
          const cause = ticketRecorded.at(-1)!;
          const written = await record(ticketId, facts, cause, slaRecorded, contract!, sla.evaluation);
          if (written.length > 0) raised.push(...facts);
          alerts.push(...written);
        } catch (error) {
          if (!(error instanceof RevisionConflictError) || attempt >= MAX_ATTEMPTS) throw error;
          // Another firer recorded something on this ticket: read again, raise what is still missing.
          continue;
        }
      }
      await publish(alerts);
      await timers.complete(claim, plan.next === null ? null : raisableAt(plan.next));
      return { ticketId, claim, firedAt: now, raised, alerts };
    }
  };

  /**
   * Appends the facts in one append: other replicas see all of them or none, never a state half raised
   * that would make the timer due again. Returns the alerts of what was written.
   */
  async function record(
    ticketId: string,
    facts: readonly SlaEvent[],
    cause: RecordedEvent,
    slaRecorded: readonly RecordedEvent[],
    contract: SignedContract,
    evaluation: SlaEvaluation,
  ): Promise<Alert[]> {
    const ids = facts.map((fact) => nameBasedUuid(crossingNameOf(fact)));
    const expectedRevision: ExpectedRevision = slaRecorded.at(-1)?.revision ?? NO_STREAM;
    const result = await store.append(
      streams.sla(ticketId),
      facts.map(({ type, schemaVersion, ...data }, index) => ({
        id: ids[index]!,
        type,
        schemaVersion,
        data,
        occurredAt: data.at,
        actor,
        correlationId: cause.correlationId,
        causationId: cause.id,
      })),
      { expectedRevision },
    );
    if (!result.written) return [];
    // Positions inside one append need not be consecutive (EventStoreDB): read them back.
    const written = await store.readStream(streams.sla(ticketId), { fromRevision: result.firstRevision });
    const positions = new Map(written.map((event) => [event.id, event.position]));
    return facts.map((fact, index) =>
      slaAlert(fact, ids[index]!, positions.get(ids[index]!) ?? result.position, contract.clientId, evaluation),
    );
  }

  async function publish(alerts: readonly Alert[]): Promise<void> {
    if (alerts.length === 0) return;
    const messages = alerts.map((alert) => ({ key: alert.ticketId, payload: alert }));
    for (let attempt = 0; ; attempt++) {
      try {
        await options.bus.publish(alertsTopic, messages);
        return;
      } catch (error) {
        const wait = PUBLISH_BACKOFF_MS[attempt];
        // The facts are in the store (and reach support.events.v1 through the relay); only the
        // notification is lost, and said so loudly.
        if (wait === undefined) {
          logger.error({ err: error, alertIds: alerts.map((alert) => alert.alertId) }, 'SLA alerts not published');
          return;
        }
        await delay(wait);
      }
    }
  }
}

/** The crossings an SLA stream says were raised. */
function raisedIn(recorded: readonly RecordedEvent[]): Set<string> {
  const names = new Set<string>();
  for (const event of recorded) {
    const parsed = slaEventRegistry.parseEvent(event.type, event.schemaVersion, toDomainEvent(event));
    if (parsed.ok) names.add(crossingNameOf(parsed.value));
  }
  return names;
}
