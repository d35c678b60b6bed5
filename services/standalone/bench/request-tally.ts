/** What the HTTP loops count: the 2xx answers of the counted window and their round trips, every failure. */
export class RequestTally {
  completed = 0;
  readonly latencies: number[] = [];
  /** Every status that is not 2xx, with its count (0 for a refused connection). */
  readonly failures: Record<string, number> = {};

  /** A request answered with `status`; its round trip runs from `since`. */
  record(status: number, measured: boolean, since: number): void {
    if (status < 200 || status >= 300) {
      this.failures[status] = (this.failures[status] ?? 0) + 1;
      return;
    }
    if (!measured) return;
    this.completed += 1;
    this.latencies.push(performance.now() - since);
  }
}
