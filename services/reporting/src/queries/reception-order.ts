/**
 * Ticket ids in reception order (then id), sorted lazily: tickets mostly arrive in reception order,
 * so only a late one costs a sort, at the next read.
 */
export class ReceptionOrder {
  #ids: string[] = [];
  #sorted = true;
  readonly #receivedAt: (ticketId: string) => number;

  constructor(receivedAt: (ticketId: string) => number) {
    this.#receivedAt = receivedAt;
  }

  get size(): number {
    return this.#ids.length;
  }

  add(ticketId: string, receivedAt: number): void {
    const last = this.#ids.at(-1);
    if (last !== undefined && this.#receivedAt(last) > receivedAt) this.#sorted = false;
    this.#ids.push(ticketId);
  }

  /** Rare: a ticket that names its client only after its reception moves to that client's order. */
  remove(ticketId: string): void {
    const index = this.#ids.lastIndexOf(ticketId);
    if (index >= 0) this.#ids.splice(index, 1);
  }

  /** Oldest first. */
  ids(): readonly string[] {
    if (!this.#sorted) {
      const receivedAt = this.#receivedAt;
      this.#ids.sort((a, b) => receivedAt(a) - receivedAt(b) || (a < b ? -1 : a > b ? 1 : 0));
      this.#sorted = true;
    }
    return this.#ids;
  }
}
