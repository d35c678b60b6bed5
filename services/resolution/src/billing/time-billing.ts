import {
  billableWorkKind,
  billingDayOf,
  billingDecider,
  evolveTicket,
  initialTicketState,
  steeringStreams,
  type TimeRecorded,
} from '@hotline/domain';
import type { RecordedEvent, Subscription } from '@hotline/eventstore';
import { executeCommand, type ServiceContext, streams, ticketEventsOf } from '@hotline/platform';
import { ProblemError } from '@hotline/runtime';

/**
 * Time recorded on a ticket outside a contract becomes a billable item of the client
 * (`billing-<clientId>`), priced with the price list in force on the day it was spent.
 *
 * The ticket is read as it stood when the time was recorded (its events up to that one), so that a
 * later requalification or an information that changes its coverage does not change what that time
 * was, and a replay bills the same. A process rather than part of the time route: the ticket and the
 * client's billing are two streams, without a transaction across them. It follows the store's log from
 * the start each time the service starts; each item is named after the time record's event id, so a
 * record is billed once whatever the restarts and replicas. Time no price list prices (none in force,
 * no rate for the nature) is recorded aside as `BillableTimeUnpriced`, so that a restart does not bill
 * it behind the manager's back once a list exists; any other failure is logged and the process goes on.
 */
export async function billRecordedTime(context: ServiceContext): Promise<readonly Subscription[]> {
  const { store, logger } = context;
  // The items already billed (by this replica or another), so that a restart walking the log does not
  // read a ticket and a client's billing again for each time record of the past.
  const billed = new Set<string>();
  const items = store.subscribe(
    (recorded) => {
      const itemId = (recorded.data as { itemId?: unknown }).itemId;
      if (typeof itemId === 'string') billed.add(itemId);
    },
    {
      filter: {
        streamPrefixes: [steeringStreams.billing('')],
        eventTypes: ['BillableItemRecorded', 'BillableTimeUnpriced'],
      },
    },
  );
  await items.waitFor(await store.headPosition());
  const times = store.subscribe(
    async (recorded: RecordedEvent) => {
      if (billed.has(itemIdOf(recorded))) return;
      try {
        await bill(recorded);
      } catch (error) {
        if (error instanceof ProblemError && error.status < 500) {
          logger.warn({ err: error, code: error.problem.code, event: recorded.id }, 'time recorded was not billed');
        } else {
          logger.error({ err: error, event: recorded.id }, 'time recorded was not billed; the next start tries again');
        }
      }
    },
    { filter: { streamPrefixes: [streams.ticket('')], eventTypes: ['TimeRecorded'] } },
  );
  return [items, times];

  async function bill(recorded: RecordedEvent): Promise<void> {
    const history = await store.readStream(recorded.stream, { maxCount: Number(recorded.revision) + 1 });
    const events = ticketEventsOf(history);
    const ticket = events.reduce(evolveTicket, initialTicketState);
    const time = events.at(-1) as TimeRecorded | undefined;
    if (ticket.status === 'none' || time?.type !== 'TimeRecorded') return;
    const workKind = billableWorkKind(ticket);
    if (workKind === undefined || ticket.clientId === undefined) return;
    const { ticketId, agentId, minutes, what, by, at } = time;
    await executeCommand(store, {
      stream: steeringStreams.billing(ticket.clientId),
      decider: billingDecider,
      command: {
        type: 'BillTicketTime',
        clientId: ticket.clientId,
        itemId: itemIdOf(recorded),
        ticketId,
        ...(ticket.product === undefined ? {} : { product: ticket.product }),
        agentId,
        workKind,
        minutes,
        on: billingDayOf(at),
        description: what,
        by,
        at,
      },
      context: {
        commandId: `bill-time:${recorded.id}`,
        actor: by,
        causationId: recorded.id,
        correlationId: recorded.correlationId,
      },
    });
  }
}

/** A time record's billable item is named after its event. */
function itemIdOf(time: RecordedEvent): string {
  return `time-${time.id}`;
}
