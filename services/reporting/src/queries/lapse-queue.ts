/**
 * Items by the instant their reading lapses, the earliest first (a binary heap): a query takes out
 * only those whose instant has come. An item replaced or dropped meanwhile is not taken out of the
 * heap: the caller skips it when it surfaces (it is no longer the current one).
 */
export class LapseQueue<T> {
  #at: number[] = [];
  #items: T[] = [];

  get size(): number {
    return this.#items.length;
  }

  clear(): void {
    this.#at = [];
    this.#items = [];
  }

  push(at: number, item: T): void {
    if (at === Number.POSITIVE_INFINITY) return;
    let index = this.#at.length;
    this.#at.push(at);
    this.#items.push(item);
    while (index > 0) {
      const parent = (index - 1) >>> 1;
      if (this.#at[parent]! <= at) break;
      this.#swap(index, parent);
      index = parent;
    }
  }

  /** Takes out every item lapsed at `now` (instant at or before it), earliest first. */
  *lapsedAt(now: number): Generator<T> {
    while (this.#at.length > 0 && this.#at[0]! <= now) yield this.#pop();
  }

  #pop(): T {
    const top = this.#items[0]!;
    const lastAt = this.#at.pop()!;
    const lastItem = this.#items.pop()!;
    if (this.#at.length > 0) {
      this.#at[0] = lastAt;
      this.#items[0] = lastItem;
      let index = 0;
      for (;;) {
        const left = index * 2 + 1;
        const right = left + 1;
        let smallest = index;
        if (left < this.#at.length && this.#at[left]! < this.#at[smallest]!) smallest = left;
        if (right < this.#at.length && this.#at[right]! < this.#at[smallest]!) smallest = right;
        if (smallest === index) break;
        this.#swap(index, smallest);
        index = smallest;
      }
    }
    return top;
  }

  #swap(a: number, b: number): void {
    const at = this.#at[a]!;
    this.#at[a] = this.#at[b]!;
    this.#at[b] = at;
    const item = this.#items[a]!;
    this.#items[a] = this.#items[b]!;
    this.#items[b] = item;
  }
}
