import { readStored, type SlaEvent, slaEventRegistry, toEpochMs } from '@hotline/domain';
import type { EventStore, RecordedEvent } from '@hotline/eventstore';
import type { SlaAlert } from '@hotline/messaging';
import { streams } from '@hotline/platform';
import { TicketClocks } from '../clocks/ticket-clocks.ts';
import { slaAlert } from '../firing/sla-alert.ts';

export interface StoredAlertsOptions {
  readonly store: Pick<EventStore, 'readStream'>;
  /** The service's read model. */
  readonly clocks: TicketClocks;
  /** Resolves once the read model holds every event up to `position`. */
  readonly readModelAt: (position: bigint) => Promise<void>;
}

/**
 * The alerts of stored SLA facts. The fact says which crossing of which ticket; the alert also needs the
 * client (the fact's contract's) and the target's deadline, which the facts do not keep: both come from
 * the ticket's clocks evaluated at the instant the fact was raised, as the read model holds them once it
 * has passed the fact. A ticket the read model dropped since (it ended, with nothing left to raise) is
 * evaluated from its stream and its contract's, as they stood before the fact. The SLA event schema thus
 * stays as it is, and an alert rebuilt after a restart says what the first one would have said, unless
 * the ticket changed in between (then it says what the store knows of it).
 */
export function storedAlerts(options: StoredAlertsOptions): (facts: readonly RecordedEvent[]) => Promise<SlaAlert[]> {
  const { store, clocks, readModelAt } = options;
  return async (facts) => {
    if (facts.length === 0) return [];
    await readModelAt(facts[facts.length - 1]!.position);
    const alerts: SlaAlert[] = [];
    for (const recorded of facts) {
      const fact = parseFact(recorded);
      const raisedAt = toEpochMs(fact.at);
      let ticket = clocks.ticket(fact.ticketId);
      let contract = clocks.contract(fact.contractId);
      let evaluate = (at: number) => clocks.evaluate(ticket!, at);
      if (ticket === undefined || contract === undefined) {
        const history = await historyBefore(store, fact, recorded.position);
        ticket = history.ticket(fact.ticketId);
        contract = history.contract(fact.contractId);
        evaluate = (at: number) => history.evaluate(ticket!, at);
      }
      if (contract === undefined) {
        throw new Error(`${recorded.stream}@${recorded.revision}: contract ${fact.contractId} is not in the store`);
      }
      // Without the ticket's clock facts the deadline is unknown: the crossing's instant stands in.
      const evaluation = ticket === undefined ? { targets: [] } : evaluate(raisedAt);
      alerts.push(slaAlert(fact, recorded.id, recorded.position, contract.clientId, evaluation));
    }
    return alerts;
  };
}

function parseFact(recorded: RecordedEvent): SlaEvent {
  return readStored(slaEventRegistry, recorded) as SlaEvent;
}

/** A read model of the fact's ticket and contract alone, folded from the events recorded before it. */
async function historyBefore(
  store: Pick<EventStore, 'readStream'>,
  fact: SlaEvent,
  position: bigint,
): Promise<TicketClocks> {
  const [contract, ticket] = await Promise.all([
    store.readStream(streams.contract(fact.contractId)),
    store.readStream(streams.ticket(fact.ticketId)),
  ]);
  const history = new TicketClocks();
  const before = [...contract, ...ticket]
    .filter((event) => event.position < position)
    .sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
  for (const event of before) history.apply(event);
  return history;
}
