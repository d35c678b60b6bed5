import { IndexedHeap } from './indexed-heap.ts';
import type { TimerClaim, TimerSchedule, TimerStore } from './timer-store.ts';

/**
 * The embedded mode's timers: an indexed heap in this process. Nothing survives a restart, and
 * nothing needs to: the read model is rebuilt from the store at start and schedules every ticket
 * again, so timers missed while the process was down come due at once.
 */
export class MemoryTimerStore implements TimerStore {
  readonly shared = false;
  #heap = new IndexedHeap();
  /** As numbers: small integers in the map, where bigints are an object a ticket (versions stay far below 2⁵³). */
  #versions = new Map<string, number>();
  #leases = new Map<string, number>();

  async schedule(schedules: readonly TimerSchedule[]): Promise<void> {
    for (const { ticketId, at, version, forget } of schedules) {
      const current = this.#versions.get(ticketId);
      if (current !== undefined && Number(version) <= current) continue;
      if (at === null) this.#heap.delete(ticketId);
      else this.#heap.set(ticketId, at);
      this.#leases.delete(ticketId);
      if (forget) this.#versions.delete(ticketId);
      else this.#versions.set(ticketId, Number(version));
    }
  }

  async claimDue(now: number, limit: number, leaseUntil: number): Promise<TimerClaim[]> {
    const claims: TimerClaim[] = [];
    while (claims.length < limit) {
      const first = this.#heap.peek();
      if (first === undefined || first.score > now) break;
      const ticketId = first.key;
      claims.push({
        ticketId,
        at: first.score,
        version: this.#version(ticketId),
        leaseUntil,
        retry: this.#leases.has(ticketId),
      });
      this.#heap.set(ticketId, leaseUntil);
      this.#leases.set(ticketId, leaseUntil);
    }
    return claims;
  }

  async complete(claim: TimerClaim, nextAt: number | null): Promise<boolean> {
    const { ticketId } = claim;
    if (this.#leases.get(ticketId) !== claim.leaseUntil) return false;
    if (this.#version(ticketId) !== claim.version) return false;
    this.#leases.delete(ticketId);
    if (nextAt === null) this.#heap.delete(ticketId);
    else this.#heap.set(ticketId, nextAt);
    return true;
  }

  async nextAt(): Promise<number | null> {
    return this.#heap.peek()?.score ?? null;
  }

  async size(): Promise<number> {
    return this.#heap.size;
  }

  async close(): Promise<void> {}

  #version(ticketId: string): bigint | null {
    const version = this.#versions.get(ticketId);
    return version === undefined ? null : BigInt(version);
  }
}
