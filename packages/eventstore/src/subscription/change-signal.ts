/** Wakes the subscriptions of a store when it committed something (or a poll interval went by). */
export class ChangeSignal {
  #waiting = new Set<() => void>();
  #generation = 0;

  /**
   * Grows at every commit notified and every poll interval gone by: while it stays the same, a
   * log read to its end finds nothing more than it did, since this process committed nothing
   * and no other process's commit is to be looked for yet.
   */
  get generation(): number {
    return this.#generation;
  }

  notify(): void {
    this.#generation++;
    const waiting = [...this.#waiting];
    this.#waiting.clear();
    for (const wake of waiting) wake();
  }

  /** Resolves at the next `notify`, or after `timeoutMs` (to see other processes' commits). */
  wait(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        if (timer !== undefined) clearTimeout(timer);
        this.#waiting.delete(wake);
        resolve();
      };
      const timer = Number.isFinite(timeoutMs)
        ? setTimeout(() => {
            this.#generation++;
            wake();
          }, timeoutMs)
        : undefined;
      this.#waiting.add(wake);
    });
  }
}
