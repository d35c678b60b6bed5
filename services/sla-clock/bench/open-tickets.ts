import type { Priority } from '@hotline/domain';
import type { TicketClocks } from '../src/clocks/ticket-clocks.ts';
import type { TimerStore } from '../src/timers/timer-store.ts';
import type { SyntheticTickets } from './synthetic-tickets.ts';

const CHUNK = 10_000;

/**
 * Loads `count` open tickets into the read model and their timers into the store, as the rebuild at
 * start does: P2 and P3 malfunctions received in the last half hour, so every crossing is hours ahead.
 */
export async function loadOpenTickets(
  clocks: TicketClocks,
  timers: TimerStore,
  synthetic: SyntheticTickets,
  options: { count: number; now: number; prefix: string },
): Promise<{ ms: number }> {
  const started = performance.now();
  for (let start = 0; start < options.count; start += CHUNK) {
    for (let index = start; index < Math.min(start + CHUNK, options.count); index++) {
      const priority: Priority = index % 2 === 0 ? 'P2' : 'P3';
      clocks.apply(synthetic.received(`${options.prefix}${index}`, priority, options.now - (index % 1_800) * 1_000));
    }
    await timers.schedule(clocks.plan(options.now));
  }
  return { ms: performance.now() - started };
}

/**
 * Moves the clocks of random open tickets: questions to the client (the timer goes), replies (it comes
 * back later), requalifications (it moves), each applied, planned and written in chunks as the
 * service does after a burst of events.
 */
export async function moveClocks(
  clocks: TicketClocks,
  timers: TimerStore,
  synthetic: SyntheticTickets,
  options: { tickets: number; events: number; now: number; prefix: string; chunk: number },
): Promise<{ eventsPerSecond: number; schedules: number; chunkP99Ms: number }> {
  const paused = new Uint8Array(options.tickets);
  const chunkMs: number[] = [];
  let schedules = 0;
  let now = options.now;
  let seed = 12_345;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const started = performance.now();
  for (let done = 0; done < options.events; done += options.chunk) {
    const chunkStarted = performance.now();
    for (let each = 0; each < options.chunk; each++) {
      const index = Math.floor(random() * options.tickets);
      now += 1;
      const kind = paused[index] === 1 ? 'resume' : random() < 0.5 ? 'pause' : 'requalify';
      paused[index] = kind === 'pause' ? 1 : 0;
      const priority: Priority = random() < 0.5 ? 'P2' : 'P3';
      clocks.apply(synthetic.move(`${options.prefix}${index}`, 1n, kind, now, priority));
    }
    const planned = clocks.plan(now);
    schedules += planned.length;
    await timers.schedule(planned);
    chunkMs.push(performance.now() - chunkStarted);
  }
  const seconds = (performance.now() - started) / 1000;
  chunkMs.sort((a, b) => a - b);
  return {
    eventsPerSecond: options.events / seconds,
    schedules,
    chunkP99Ms: chunkMs[Math.ceil(chunkMs.length * 0.99) - 1]!,
  };
}
