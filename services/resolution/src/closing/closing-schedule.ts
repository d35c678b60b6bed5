import type { Clock } from '@hotline/platform';
import type { Logger } from '@hotline/runtime';
import type { ElapsedCloser } from './elapsed-closer.ts';
import type { ResolvedTickets } from './resolved-tickets.ts';

export interface ClosingScheduleOptions {
  readonly closer: ElapsedCloser;
  readonly tickets: ResolvedTickets;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly retryDelayMs: number;
  readonly signal: AbortSignal;
}

/**
 * Runs the closer whenever a reopen window ends, on the service's clock (a virtual one in tests and
 * simulations): a round, then sleep until the next window's end, or until a new resolution arrives,
 * which may end sooner. Resolves once `signal` aborts.
 */
export async function runClosingSchedule(options: ClosingScheduleOptions): Promise<void> {
  const { closer, tickets, clock, logger, retryDelayMs, signal } = options;
  while (!signal.aborted) {
    // Armed before the round, so that a resolution recorded during the round is not missed.
    const woken = new AbortController();
    const stopListening = tickets.onResolved(() => woken.abort());
    let nextDueAt: number | undefined;
    try {
      ({ nextDueAt } = await closer.closeElapsed(clock.now()));
    } catch (error) {
      logger.error({ err: error }, 'closing round failed');
      nextDueAt = clock.now() + retryDelayMs;
    }
    const wake = AbortSignal.any([signal, woken.signal]);
    if (nextDueAt === undefined) await aborted(wake);
    else await clock.sleepUntil(nextDueAt, wake);
    stopListening();
  }
}

function aborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
