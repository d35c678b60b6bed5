import { crossingNameOf, planCrossings, raisableAt, type SlaEvent, slaEventsFor } from '@hotline/domain';
import { ANY, DuplicateEventIdError, type EventStore, nameBasedUuid } from '@hotline/eventstore';
import { type Clock, streams } from '@hotline/platform';
import type { Logger } from '@hotline/runtime';
import type { TicketClocks } from '../clocks/ticket-clocks.ts';
import { noneRaised } from '../clocks/tracked-ticket.ts';
import type { TimerClaim, TimerStore } from '../timers/timer-store.ts';

export interface CrossingRaiserOptions {
  readonly store: EventStore;
  readonly timers: TimerStore;
  readonly clock: Clock;
  /** The read model, caught up with the store before each round of firings. */
  readonly clocks: TicketClocks;
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
}

const MAX_ATTEMPTS = 5;

/**
 * Fires one claimed timer: evaluates the ticket as the read model holds it now, caught up with the
 * store (an answer recorded meanwhile raises nothing), raises every crossing past and not raised yet
 * (late ones too, each with its crossing instant and the raising instant), appends the facts to
 * `sla-<ticketId>` in one append under the ids their crossings name, then moves the timer to the next
 * crossing. The ids make a second firing of the same crossings (another replica, a lapsed lease) append
 * nothing. Alerts are not sent from here: the alert dispatcher follows the facts from the store
 * (`alerts/alert-dispatcher.ts`), so a crash between the append and the alert loses nothing.
 */
export function crossingRaiser(options: CrossingRaiserOptions) {
  const { store, timers, clock, clocks, logger, actor } = options;

  return async function fire(claim: TimerClaim): Promise<Firing> {
    const { ticketId } = claim;
    const now = clock.now();
    const fired = (raised: readonly SlaEvent[] = []): Firing => ({ ticketId, claim, firedAt: now, raised });
    const ticket = clocks.ticket(ticketId);
    if (ticket === undefined) {
      // Ended with nothing left to raise (or never seen): nothing waits for this timer.
      await timers.complete(claim, null);
      return fired();
    }
    const contract = ticket.contractId === null ? undefined : clocks.contract(ticket.contractId);
    if (ticket.contractId !== null && contract === undefined) {
      logger.warn({ ticketId, contractId: ticket.contractId }, 'timer fired for a ticket whose contract is unknown');
      await timers.complete(claim, now + options.retryDelayMs);
      return fired();
    }
    const evaluation = clocks.evaluate(ticket, now);
    const plan = planCrossings(evaluation, ticket.raised ?? noneRaised, now);
    const facts = contract === undefined ? [] : slaEventsFor(ticketId, contract.contractId, plan.due, now, actor);
    const written = await record(ticketId, facts);
    await timers.complete(claim, plan.next === null ? null : raisableAt(plan.next));
    return fired(written);
  };

  /**
   * Appends the facts in one append: other replicas see all of them or none, never a ticket half
   * raised that would make its timer due again. Facts another firer recorded first are left out.
   */
  async function record(ticketId: string, facts: readonly SlaEvent[]): Promise<SlaEvent[]> {
    let pending = facts.map((fact) => ({ fact, id: nameBasedUuid(crossingNameOf(fact)) }));
    for (let attempt = 1; pending.length > 0; attempt++) {
      try {
        const result = await store.append(
          streams.sla(ticketId),
          pending.map(({ fact: { type, schemaVersion, ...data }, id }) => ({
            id,
            type,
            schemaVersion,
            data,
            occurredAt: data.at,
            actor,
          })),
          // Each id is named after its ticket's crossing (`crossingNameOf`): this stream's own.
          { expectedRevision: ANY, idsUniqueIn: 'stream' },
        );
        return result.written ? pending.map((each) => each.fact) : [];
      } catch (error) {
        if (!(error instanceof DuplicateEventIdError) || attempt >= MAX_ATTEMPTS) throw error;
        // Another firer recorded some of them first (a lapsed lease, a replica behind): raise the rest.
        const recorded = new Set((await store.readStream(streams.sla(ticketId))).map((event) => event.id));
        pending = pending.filter((each) => !recorded.has(each.id));
      }
    }
    return [];
  }
}
