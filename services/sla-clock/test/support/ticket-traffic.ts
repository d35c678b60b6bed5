import { type Priority, type TicketEvent, toEpochMs } from '@hotline/domain';
import { seededRandom } from '@hotline/platform';
import { tickets } from './ticket-events.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The platform's seeded generator, with whole numbers from `between`: the same seed plays the same traffic. */
export function seeded(seed: number) {
  const random = seededRandom(seed);
  return { ...random, between: (min: number, max: number) => Math.round(random.between(min, max)) };
}

export interface TrafficOptions {
  readonly count: number;
  readonly from: number;
  readonly to: number;
  readonly seed: number;
  readonly prefix?: string;
}

/**
 * Tickets with lives like the hotline's: most taken charge, some waiting for the client, some
 * requalified, worked around, resolved, reopened, closed or rejected, each event after the one
 * before. All events of all tickets, in time order.
 */
export function ticketTraffic(options: TrafficOptions): TicketEvent[] {
  const random = seeded(options.seed);
  const events: TicketEvent[] = [];
  for (let index = 0; index < options.count; index++) {
    const id = `${options.prefix ?? 'T'}-${index}`;
    let now = random.between(options.from, options.to);
    const later = (min: number, max: number) => {
      now += random.between(min, max);
      return now;
    };
    const priority: Priority = random.pick(['P1', 'P2', 'P2', 'P3', 'P3', 'P3']);
    const life: TicketEvent[] = [
      tickets.received(id, priority, now, { contractId: random.chance(0.9) ? 'ACME-M' : null }),
    ];
    if (random.chance(0.1)) {
      life.push(tickets.requalified(id, later(10 * MINUTE, 3 * HOUR), random.pick(['P1', 'P2', 'P3'])));
    }
    if (random.chance(0.05)) {
      life.push(tickets.rejected(id, later(5 * MINUTE, 2 * HOUR)));
    } else if (random.chance(0.85)) {
      life.push(tickets.takenCharge(id, later(5 * MINUTE, 8 * HOUR)));
      if (random.chance(0.3)) {
        life.push(tickets.customerAsked(id, later(10 * MINUTE, 4 * HOUR)));
        life.push(tickets.customerReplied(id, later(HOUR, 2 * DAY)));
      }
      if (random.chance(0.5)) life.push(tickets.workaround(id, later(HOUR, 3 * DAY)));
      if (random.chance(0.75)) {
        life.push(tickets.resolved(id, later(2 * HOUR, 6 * DAY)));
        if (random.chance(0.2)) {
          life.push(tickets.reopened(id, later(HOUR, 3 * DAY)));
          life.push(tickets.resolved(id, later(HOUR, 3 * DAY)));
        }
        if (random.chance(0.8)) life.push(tickets.closed(id, later(10 * DAY, 11 * DAY)));
      }
    }
    events.push(...life);
  }
  return events.sort((a, b) => toEpochMs(a.at) - toEpochMs(b.at));
}
