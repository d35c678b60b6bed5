/** Chunks split in two past this size: an insertion shifts at most this many entries of one chunk. */
const CHUNK = 512;

interface Chunk {
  readonly ids: string[];
  readonly at: number[];
}

/** Reception order: earlier reception first, then the lesser id. */
const before = (at: number, id: string, otherAt: number, otherId: string) =>
  at < otherAt || (at === otherAt && id < otherId);

/**
 * Ticket ids in reception order (then id), kept sorted as they come: a sorted list cut into chunks
 * of at most `CHUNK` entries. Tickets mostly arrive in reception order and go to the end; a late
 * one (concurrent ingestion, several partitions) finds its chunk and its place in it by halving and
 * shifts only that chunk's tail, so each arrival costs O(log n + CHUNK) whatever the disorder, and
 * reading the latest tickets never sorts.
 */
export class ReceptionOrder {
  #chunks: Chunk[] = [];
  #size = 0;

  get size(): number {
    return this.#size;
  }

  add(ticketId: string, receivedAt: number): void {
    this.#size++;
    const last = this.#chunks.at(-1);
    if (last === undefined) {
      this.#chunks.push({ ids: [ticketId], at: [receivedAt] });
      return;
    }
    // In order (the usual case): appended to the last chunk.
    const index = before(receivedAt, ticketId, last.at.at(-1)!, last.ids.at(-1)!)
      ? this.#chunkOf(receivedAt, ticketId)
      : this.#chunks.length - 1;
    const chunk = this.#chunks[index]!;
    const place = placeIn(chunk, receivedAt, ticketId);
    chunk.ids.splice(place, 0, ticketId);
    chunk.at.splice(place, 0, receivedAt);
    if (chunk.ids.length > CHUNK) {
      const half = chunk.ids.length >>> 1;
      this.#chunks.splice(index + 1, 0, { ids: chunk.ids.splice(half), at: chunk.at.splice(half) });
    }
  }

  /** Rare: a ticket that names its client only after its reception moves to that client's order. */
  remove(ticketId: string, receivedAt: number): void {
    if (this.#size === 0) return;
    const index = this.#chunkOf(receivedAt, ticketId);
    const chunk = this.#chunks[index]!;
    const place = placeIn(chunk, receivedAt, ticketId) - 1;
    if (place < 0 || chunk.ids[place] !== ticketId) return;
    chunk.ids.splice(place, 1);
    chunk.at.splice(place, 1);
    this.#size--;
    if (chunk.ids.length === 0) this.#chunks.splice(index, 1);
  }

  /** Latest reception first (then the greater id). */
  *latestFirst(): Generator<string> {
    for (let index = this.#chunks.length - 1; index >= 0; index--) {
      const { ids } = this.#chunks[index]!;
      for (let place = ids.length - 1; place >= 0; place--) yield ids[place]!;
    }
  }

  /** Oldest first. */
  ids(): string[] {
    return this.#chunks.flatMap((chunk) => chunk.ids);
  }

  /** The chunk an entry belongs in: the first whose last entry does not come before it (else the last). */
  #chunkOf(receivedAt: number, ticketId: string): number {
    let low = 0;
    let high = this.#chunks.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const chunk = this.#chunks[middle]!;
      if (before(chunk.at.at(-1)!, chunk.ids.at(-1)!, receivedAt, ticketId)) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/** Where an entry goes in a chunk: after every entry that does not come after it. */
function placeIn(chunk: Chunk, receivedAt: number, ticketId: string): number {
  let low = 0;
  let high = chunk.ids.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (before(receivedAt, ticketId, chunk.at[middle]!, chunk.ids[middle]!)) high = middle;
    else low = middle + 1;
  }
  return low;
}
