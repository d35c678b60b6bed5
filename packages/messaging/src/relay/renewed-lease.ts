import { sleep } from '../bus/delivery.ts';
import { FencedError, type FenceToken, type Lease } from './relay-coordination.ts';

export interface LeaseStore {
  /** Takes the lease if nobody holds it, drawing the next fencing token; null when it is held. */
  take(): Promise<FenceToken | null>;
  /** Extends the lease: false when it is no longer this holder's; throws when the store does not answer. */
  renew(token: FenceToken): Promise<boolean>;
  /** Lets the lease go, if it is still this holder's. */
  release(token: FenceToken): Promise<void>;
}

/**
 * Waits for the lease, trying at a third of its lifetime (an unanswering store counts as a held lease),
 * then keeps it renewed at a third of its lifetime: the lease is lost at once when another holder has
 * it, and once a whole lifetime passed without a renewal when the store does not answer, since the
 * lease is gone for everyone else by then. Rejects with the signal's reason if aborted first.
 */
export async function acquireLease(store: LeaseStore, ttlMs: number, signal: AbortSignal): Promise<Lease> {
  const every = Math.max(20, Math.floor(ttlMs / 3));
  for (;;) {
    signal.throwIfAborted();
    const token = await store.take().catch(() => null);
    if (token !== null) return renewed(store, token, ttlMs, every);
    await sleep(every, signal);
  }
}

function renewed(store: LeaseStore, token: FenceToken, ttlMs: number, every: number): Lease {
  const lost = new AbortController();
  let renewedAt = Date.now();
  const renew = async () => {
    try {
      if (await store.renew(token)) renewedAt = Date.now();
      else lost.abort(new FencedError(token));
    } catch (error) {
      if (Date.now() - renewedAt >= ttlMs) lost.abort(error);
    }
  };
  const timer = setInterval(() => void renew(), every);
  timer.unref();
  lost.signal.addEventListener('abort', () => clearInterval(timer), { once: true });
  return {
    token,
    lost: lost.signal,
    release: async () => {
      clearInterval(timer);
      if (!lost.signal.aborted) lost.abort(new Error('released'));
      await store.release(token).catch(() => {});
    },
  };
}
