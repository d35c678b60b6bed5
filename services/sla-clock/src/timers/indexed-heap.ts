export interface HeapEntry {
  readonly key: string;
  readonly score: number;
}

/**
 * A binary min-heap of keys by score, with each key's place indexed so that a key moves or leaves in
 * O(log n): a million tickets rescheduled one event at a time never re-sort anything. Equal scores
 * come out by key, so listings are stable.
 */
export class IndexedHeap {
  #keys: string[] = [];
  #scores: number[] = [];
  #places = new Map<string, number>();

  get size(): number {
    return this.#keys.length;
  }

  score(key: string): number | undefined {
    const place = this.#places.get(key);
    return place === undefined ? undefined : this.#scores[place];
  }

  peek(): HeapEntry | undefined {
    const key = this.#keys[0];
    return key === undefined ? undefined : { key, score: this.#scores[0]! };
  }

  set(key: string, score: number): void {
    const place = this.#places.get(key);
    if (place === undefined) {
      this.#keys.push(key);
      this.#scores.push(score);
      this.#places.set(key, this.#keys.length - 1);
      this.#up(this.#keys.length - 1);
      return;
    }
    const previous = this.#scores[place]!;
    if (previous === score) return;
    this.#scores[place] = score;
    if (score < previous) this.#up(place);
    else this.#down(place);
  }

  delete(key: string): boolean {
    const place = this.#places.get(key);
    if (place === undefined) return false;
    const last = this.#keys.length - 1;
    this.#swap(place, last);
    this.#keys.pop();
    this.#scores.pop();
    this.#places.delete(key);
    if (place < last) {
      this.#up(place);
      this.#down(place);
    }
    return true;
  }

  /** The entries by ascending score without disturbing the heap: the first k cost O(k log k). */
  *ascending(): Generator<HeapEntry> {
    // A small heap of places in this heap: a place's children are the only candidates to follow it.
    const frontier: number[] = this.#keys.length === 0 ? [] : [0];
    const before = (a: number, b: number) => this.#less(frontier[a]!, frontier[b]!);
    while (frontier.length > 0) {
      const place = frontier[0]!;
      const last = frontier.pop()!;
      if (frontier.length > 0) {
        frontier[0] = last;
        siftDown(frontier, 0, before);
      }
      yield { key: this.#keys[place]!, score: this.#scores[place]! };
      for (const child of [2 * place + 1, 2 * place + 2]) {
        if (child < this.#keys.length) {
          frontier.push(child);
          siftUp(frontier, frontier.length - 1, before);
        }
      }
    }
  }

  #less(a: number, b: number): boolean {
    const byScore = this.#scores[a]! - this.#scores[b]!;
    return byScore < 0 || (byScore === 0 && this.#keys[a]! < this.#keys[b]!);
  }

  #swap(a: number, b: number): void {
    if (a === b) return;
    const keys = this.#keys;
    const scores = this.#scores;
    const key = keys[a]!;
    const score = scores[a]!;
    keys[a] = keys[b]!;
    scores[a] = scores[b]!;
    keys[b] = key;
    scores[b] = score;
    this.#places.set(keys[a], a);
    this.#places.set(key, b);
  }

  #up(place: number): void {
    let child = place;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (!this.#less(child, parent)) break;
      this.#swap(child, parent);
      child = parent;
    }
  }

  #down(place: number): void {
    let parent = place;
    for (;;) {
      const left = 2 * parent + 1;
      const right = left + 1;
      let smallest = parent;
      if (left < this.#keys.length && this.#less(left, smallest)) smallest = left;
      if (right < this.#keys.length && this.#less(right, smallest)) smallest = right;
      if (smallest === parent) return;
      this.#swap(parent, smallest);
      parent = smallest;
    }
  }
}

function siftUp(heap: number[], place: number, before: (a: number, b: number) => boolean): void {
  let child = place;
  while (child > 0) {
    const parent = (child - 1) >> 1;
    if (!before(child, parent)) return;
    [heap[child], heap[parent]] = [heap[parent]!, heap[child]!];
    child = parent;
  }
}

function siftDown(heap: number[], place: number, before: (a: number, b: number) => boolean): void {
  let parent = place;
  for (;;) {
    const left = 2 * parent + 1;
    const right = left + 1;
    let smallest = parent;
    if (left < heap.length && before(left, smallest)) smallest = left;
    if (right < heap.length && before(right, smallest)) smallest = right;
    if (smallest === parent) return;
    [heap[parent], heap[smallest]] = [heap[smallest]!, heap[parent]!];
    parent = smallest;
  }
}
