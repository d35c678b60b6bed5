interface Waiter {
  position: bigint;
  resolve: () => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** The promises of `Subscription.waitFor`, settled as the subscription moves on. */
export class PositionWaiters {
  #waiters = new Set<Waiter>();
  #failure: Error | undefined;

  wait(current: bigint, position: bigint, timeoutMs: number | undefined): Promise<void> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    if (current >= position) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { position, resolve, reject, timer: undefined };
      if (timeoutMs !== undefined) {
        waiter.timer = setTimeout(() => {
          this.#waiters.delete(waiter);
          reject(
            new Error(`the subscription did not reach position ${position} within ${timeoutMs} ms (at ${current})`),
          );
        }, timeoutMs);
      }
      this.#waiters.add(waiter);
    });
  }

  advance(current: bigint): void {
    for (const waiter of this.#waiters) {
      if (current < waiter.position) continue;
      this.#waiters.delete(waiter);
      if (waiter.timer !== undefined) clearTimeout(waiter.timer);
      waiter.resolve();
    }
  }

  fail(error: Error): void {
    this.#failure = error;
    for (const waiter of this.#waiters) {
      if (waiter.timer !== undefined) clearTimeout(waiter.timer);
      waiter.reject(error);
    }
    this.#waiters.clear();
  }
}
