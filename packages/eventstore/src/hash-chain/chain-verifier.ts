import type { ChainBreak, VerifyReport } from '../port/event-store.ts';
import { GENESIS_HASH, type HashedEvent, hashEvent } from './event-hash.ts';

export interface StoredHashedEvent extends HashedEvent {
  position: bigint;
  hash: string;
}

/**
 * Walks events in stream order (one stream, or the global log, which keeps each stream's order)
 * and finds the first one whose hash does not follow from its content and its predecessor.
 */
export class ChainVerifier {
  #heads = new Map<string, { revision: bigint; hash: string }>();
  #checked = 0;
  #break: ChainBreak | undefined;

  /** Returns false once a break was found: there is no point in going on. */
  check(event: StoredHashedEvent): boolean {
    if (this.#break !== undefined) return false;
    const head = this.#heads.get(event.stream);
    const previousHash = head?.hash ?? GENESIS_HASH;
    const expectedRevision = head === undefined ? 0n : head.revision + 1n;
    const expectedHash = hashEvent(previousHash, event);
    this.#checked++;
    if (event.revision !== expectedRevision || expectedHash !== event.hash) {
      this.#break = {
        stream: event.stream,
        revision: event.revision,
        position: event.position,
        eventId: event.id,
        reason: event.revision !== expectedRevision ? 'revision_gap' : 'hash_mismatch',
        expectedHash,
        storedHash: event.hash,
      };
      return false;
    }
    // Chain on the stored hash: one break is reported once, not for every later event.
    this.#heads.set(event.stream, { revision: event.revision, hash: event.hash });
    return true;
  }

  report(): VerifyReport {
    if (this.#break !== undefined) return { ok: false, checked: this.#checked, break: this.#break };
    return { ok: true, checked: this.#checked };
  }
}
