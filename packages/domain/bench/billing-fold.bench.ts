import { billingDecider } from '../src/billing/billing-decider.ts';
import { type BillingEvent, billingEvent } from '../src/billing/billing-events.ts';

export interface BillingFoldBenchOptions {
  /** Items in a client's billing stream, per measurement. */
  readonly sizes: readonly number[];
  /** How long each measurement repeats the fold. */
  readonly timeBoxMs: number;
}

function items(count: number): BillingEvent[] {
  return Array.from({ length: count }, (_, index) =>
    billingEvent('BillableItemRecorded', {
      clientId: 'GLOBEX',
      itemId: `time-${index}`,
      origin: 'ticket_time',
      agentId: 'agent-ada',
      on: '2026-05-11',
      description: 'Analysed the posting logs',
      pricing: 'time',
      workKind: 'malfunction',
      minutes: 10,
      rateCents: 9_500,
      amountCents: 1_583,
      currency: 'EUR',
      priceListFrom: '2026-01-01',
      by: 'agent-ada',
      at: '2026-05-11T10:00:00+02:00',
    }),
  );
}

/** The first shape of the state: a record of the items billed, copied at each event. */
function copyingFold(events: readonly BillingEvent[]): number {
  let billed: Readonly<Record<string, true>> = {};
  for (const event of events) if (event.type === 'BillableItemRecorded') billed = { ...billed, [event.itemId]: true };
  return Object.keys(billed).length;
}

function sharingFold(events: readonly BillingEvent[]): number {
  return events.reduce(billingDecider.evolve, billingDecider.initialState).items === null ? 0 : 1;
}

/** Folds per second within the time box (at least one fold). */
function foldsPerSecond(
  events: readonly BillingEvent[],
  fold: (events: readonly BillingEvent[]) => number,
  timeBoxMs: number,
) {
  let folds = 0;
  let sink = 0;
  const begin = performance.now();
  do {
    sink += fold(events);
    folds += 1;
  } while (performance.now() - begin < timeBoxMs);
  const elapsed = performance.now() - begin;
  return { perSecond: (folds * 1000) / elapsed, sink };
}

/**
 * Loading a client's billing stream before each billing command: the decider's state as it is (items
 * in a list each event extends) against the first shape (a record copied at each event), in the same
 * run; the ratio is what the change bought.
 */
export function billingFoldBench(options: BillingFoldBenchOptions): void {
  console.log('\nbilling-<clientId> fold (one load of the stream before a command)');
  console.log('items  | copying record (folds/s) | shared list (folds/s) | ratio');
  for (const size of options.sizes) {
    const events = items(size);
    const copying = foldsPerSecond(events, copyingFold, options.timeBoxMs);
    const sharing = foldsPerSecond(events, sharingFold, options.timeBoxMs);
    const ratio = sharing.perSecond / copying.perSecond;
    console.log(
      `${String(size).padStart(6)} | ${copying.perSecond.toFixed(2).padStart(24)} | ${sharing.perSecond.toFixed(0).padStart(21)} | ×${ratio.toFixed(0)}`,
    );
  }
}
