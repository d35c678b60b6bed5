/** Wakes the subscriptions of a store when it committed something (or a poll interval went by). */
export class ChangeSignal {
  #waiting = new Set<() => void>();

  notify(): void {
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
      const timer = Number.isFinite(timeoutMs) ? setTimeout(wake, timeoutMs) : undefined;
      this.#waiting.add(wake);
    });
  }
}
