/**
 * Where services read the time. The domain never does; services take it from here, so tests and
 * simulations run on a virtual clock (a year of tickets in seconds) and production on the system's.
 */
export interface Clock {
  now(): number;
  /** Resolves when the clock reaches `at` (at once if it has). */
  sleepUntil(at: number, signal?: AbortSignal): Promise<void>;
}

// setTimeout takes at most 2^31-1 ms; longer waits are chained.
const MAX_TIMEOUT_MS = 2_147_483_647;

export const systemClock: Clock = {
  now: () => Date.now(),
  sleepUntil(at, signal) {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      let timer: ReturnType<typeof setTimeout>;
      const arm = () => {
        const wait = at - Date.now();
        if (wait <= 0) return done();
        timer = setTimeout(arm, Math.min(wait, MAX_TIMEOUT_MS));
      };
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      signal?.addEventListener('abort', done, { once: true });
      arm();
    });
  },
};

/** A clock that moves only when told to: sleepers wake in due order as it is advanced. */
export class VirtualClock implements Clock {
  #now: number;
  #sleepers: { at: number; wake: () => void }[] = [];

  constructor(start: number) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  sleepUntil(at: number, signal?: AbortSignal): Promise<void> {
    if (at <= this.#now || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const sleeper = { at, wake: resolve };
      this.#sleepers.push(sleeper);
      signal?.addEventListener(
        'abort',
        () => {
          this.#sleepers = this.#sleepers.filter((each) => each !== sleeper);
          resolve();
        },
        { once: true },
      );
    });
  }

  /** Moves to `at`, waking every sleeper due by then in order, letting each one's reaction run. */
  async advanceTo(at: number): Promise<void> {
    for (;;) {
      const due = this.#sleepers.filter((sleeper) => sleeper.at <= at).sort((a, b) => a.at - b.at)[0];
      if (due === undefined) break;
      this.#now = Math.max(this.#now, due.at);
      this.#sleepers = this.#sleepers.filter((sleeper) => sleeper !== due);
      due.wake();
      // Let the woken work run (and schedule new sleepers) before looking again.
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.#now = Math.max(this.#now, at);
  }

  advanceBy(ms: number): Promise<void> {
    return this.advanceTo(this.#now + ms);
  }
}
