import {
  type ContractEvent,
  type ContractState,
  crossingName,
  crossingNameOf,
  crossingsOf,
  evolveContract,
  initialContractState,
  raisableAt,
  type SignedContract,
  type SlaEvent,
  type TicketEvent,
  ticketSla,
} from '@hotline/domain';
import { type EventStore, toDomainEvent } from '@hotline/eventstore';
import { alertsTopic, type Bus, type Consumer, type SlaAlert } from '@hotline/messaging';
import type { Admin } from 'kafkajs';
import { behind, groupProgress } from './group-progress.ts';

type SlaCrossingAlert = Extract<SlaAlert, { kind: 'warning' | 'breach' }>;

/** Every SLA alert support.alerts.v1 delivered to a consumer group of the test's own, from the beginning. */
export class AlertLog {
  readonly deliveries = new Map<string, { alert: SlaCrossingAlert; count: number }>();
  /** Every message handed to the handler, of any kind, repeats included. */
  handled = 0;
  #consumer: Consumer | undefined;

  async start(bus: Bus, group: string): Promise<void> {
    this.#consumer = await bus.consume({
      group,
      topic: alertsTopic,
      fromBeginning: true,
      handler: ({ payload }) => {
        this.handled += 1;
        // The topic also carries triage's unassignable alerts, which are no SLA fact's.
        if (payload.kind !== 'warning' && payload.kind !== 'breach') return;
        const seen = this.deliveries.get(payload.alertId);
        this.deliveries.set(payload.alertId, { alert: payload, count: (seen?.count ?? 0) + 1 });
      },
    });
    await this.#consumer.ready;
  }

  async stop(): Promise<void> {
    await this.#consumer?.stop();
  }
}

/**
 * Which side stalled when alerts are missing: support.alerts.v1's end offsets against the offsets
 * the log's group committed. The group at the end: the missing alerts never reached the topic (the
 * SLA clock's publisher stalled); behind it: the log's consumer stalled.
 */
export async function alertsDelivery(admin: Admin, group: string, log: AlertLog): Promise<string> {
  const progress = await groupProgress(admin, group, alertsTopic.name);
  const end = progress.reduce((sum, each) => sum + each.end, 0n);
  const late = progress.reduce((sum, each) => sum + behind(each), 0n);
  const partitions = progress.map(({ partition, committed, end }) => `${partition}: ${committed}/${end}`).join(', ');
  const side =
    late > 0n
      ? `${group} is ${late} behind: the suite's consumer stalled`
      : `${group} is at the end: the missing alerts were never published`;
  return `${alertsTopic.name} ends at ${end}, ${group} committed ${end - late} (committed/end by partition ${partitions}), AlertLog handled ${log.handled} messages: ${side}`;
}

export interface AlertCheck {
  readonly facts: number;
  /** Crossings the domain, judging every ticket afresh from the store, says were past (and so owed). */
  readonly owed: number;
  readonly alerted: number;
  /** Deliveries beyond the first of an alert: at-least-once delivery's repeats, which consumers drop by alertId. */
  readonly repeated: number;
  readonly problems: readonly string[];
}

/**
 * A crossing past by this much is owed: the SLA clock raises a crossing as soon as it is past, or as
 * soon as it learns of its ticket, and the check runs once the hotline is quiet.
 */
const OWED_AFTER_MS = 5_000;

/**
 * "Each SLA alert raised exactly once", in the two halves the hotline can promise: in the store, one
 * fact (SlaWarningRaised, SlaBreached) per crossing of a ticket's SLA (its target, threshold and
 * instant), and one for every crossing the domain, judging each ticket afresh from its stream and its
 * contract, says is past (what the SLA clock's timers, rebuilt after a kill, must not have missed); on
 * support.alerts.v1, every fact's alert delivered at least once under the fact's event id, and no
 * alert that is not a stored fact's. Delivery is at least once, so an alert may come twice with the
 * same id: the notification systems dedupe on it, and the repeats are counted, not refused.
 */
export async function checkAlerts(store: EventStore, log: AlertLog, now = Date.now()): Promise<AlertCheck> {
  const problems: string[] = [];
  const facts = new Map<string, SlaEvent>();
  const crossings = new Map<string, string>();
  const tickets = new Map<string, TicketEvent[]>();
  const contracts = new Map<string, ContractState>();
  for (const recorded of await store.readAll()) {
    if (recorded.stream.startsWith('ticket-')) {
      const events = tickets.get(recorded.stream) ?? [];
      events.push(toDomainEvent<TicketEvent>(recorded));
      tickets.set(recorded.stream, events);
      continue;
    }
    if (recorded.stream.startsWith('contract-')) {
      const event = toDomainEvent<ContractEvent>(recorded);
      contracts.set(event.contractId, evolveContract(contracts.get(event.contractId) ?? initialContractState, event));
      continue;
    }
    if (!recorded.stream.startsWith('sla-')) continue;
    if (recorded.type !== 'SlaWarningRaised' && recorded.type !== 'SlaBreached') continue;
    const fact = toDomainEvent<SlaEvent>(recorded);
    const crossing = crossingNameOf(fact);
    const first = crossings.get(crossing);
    if (first !== undefined) problems.push(`raised twice: ${crossing} (facts ${first} and ${recorded.id})`);
    crossings.set(crossing, recorded.id);
    facts.set(recorded.id, fact);
  }
  for (const [id, fact] of facts) {
    const delivered = log.deliveries.get(id);
    if (delivered === undefined) problems.push(`not alerted: ${crossingNameOf(fact)} (fact ${id})`);
    else if (delivered.alert.ticketId !== fact.ticketId || delivered.alert.target !== fact.target)
      problems.push(
        `alert ${id} says ${delivered.alert.ticketId}/${delivered.alert.target}, its fact ${crossingNameOf(fact)}`,
      );
  }
  for (const id of log.deliveries.keys()) if (!facts.has(id)) problems.push(`alert ${id} has no fact in the store`);
  const contractOf = (contractId: string) => {
    const contract = contracts.get(contractId);
    return contract === undefined || contract.status === 'none' ? undefined : (contract as SignedContract);
  };
  let owed = 0;
  for (const events of tickets.values()) {
    const ticketId = (events[0] as TicketEvent).ticketId;
    for (const crossing of crossingsOf(ticketSla(events, contractOf, now).evaluation)) {
      if (raisableAt(crossing) > now - OWED_AFTER_MS) continue;
      owed += 1;
      const name = crossingName(ticketId, crossing);
      if (!crossings.has(name)) problems.push(`not raised: ${name}`);
    }
  }
  const repeated = [...log.deliveries.values()].reduce((sum, { count }) => sum + count - 1, 0);
  return { facts: facts.size, owed, alerted: log.deliveries.size, repeated, problems };
}
