import type { SlaEvaluation } from '@hotline/domain';
import { type HeapEntry, IndexedHeap } from '../timers/indexed-heap.ts';

/**
 * Open tickets by due instant, for the at-risk and breached lists: the earliest due instant of a
 * target still running, and the earliest of a target already breached (as of the last planning).
 * Paused targets have no due instant, so they are in neither until the clock runs again.
 */
export class DueIndex {
  #running = new IndexedHeap();
  #breached = new IndexedHeap();

  update(ticketId: string, evaluation: SlaEvaluation): void {
    let running = Number.POSITIVE_INFINITY;
    let breached = Number.POSITIVE_INFINITY;
    for (const target of evaluation.targets) {
      if (target.reachedAt !== null || target.dueAt === null) continue;
      if (target.status === 'breached') breached = Math.min(breached, target.dueAt);
      else if (target.status === 'running') running = Math.min(running, target.dueAt);
    }
    place(this.#running, ticketId, running);
    place(this.#breached, ticketId, breached);
  }

  remove(ticketId: string): void {
    this.#running.delete(ticketId);
    this.#breached.delete(ticketId);
  }

  /** Tickets with a running target, the next due first (some may have passed since they were planned). */
  running(): Generator<HeapEntry> {
    return this.#running.ascending();
  }

  /**
   * Tickets with a target past due at `now`, the longest overdue first: those planned breached, and
   * those whose due instant passed since they were planned (their breach is being raised).
   */
  *breached(now: number): Generator<HeapEntry> {
    const planned = this.#breached.ascending();
    const overdue = this.#running.ascending();
    let a = planned.next();
    let b = overdue.next();
    const seen = new Set<string>();
    for (;;) {
      const fromOverdue = !b.done && b.value.score < now ? b.value : undefined;
      const fromPlanned = a.done ? undefined : a.value;
      const pick =
        fromPlanned === undefined || (fromOverdue !== undefined && fromOverdue.score < fromPlanned.score)
          ? fromOverdue
          : fromPlanned;
      if (pick === undefined) return;
      if (pick === fromPlanned) a = planned.next();
      else b = overdue.next();
      if (seen.has(pick.key)) continue;
      seen.add(pick.key);
      yield pick;
    }
  }
}

function place(heap: IndexedHeap, ticketId: string, score: number): void {
  if (Number.isFinite(score)) heap.set(ticketId, score);
  else heap.delete(ticketId);
}
