import type { StoredHashedEvent } from '../hash-chain/chain-verifier.ts';
import { DuplicateEventIdError } from '../port/errors.ts';
import type { AppendResult } from '../port/event-store.ts';
import { type ExpectedRevision, NO_STREAM } from '../port/expected-revision.ts';
import type { PendingEvent } from '../port/pending-event.ts';

type ReadForwards = (from: bigint, count: number) => Promise<StoredHashedEvent[]>;

/**
 * The earlier append of these very events, if the stream holds it: appending them again is
 * a no-op. It is found where one of its ids shows among the stream's last events (`recent`,
 * newest first), or, for an exact expectation, right after the expected revision (however long
 * ago that was). Throws when only part of the events is there.
 */
export async function findReplay(
  stream: string,
  pending: readonly PendingEvent[],
  expected: ExpectedRevision,
  recent: StoredHashedEvent[],
  readForwards: ReadForwards,
): Promise<AppendResult | undefined> {
  const head = recent[0];
  if (head === undefined) return undefined;
  const recentById = new Map(recent.map((event) => [event.id, event]));
  let start: bigint | undefined;
  pending.some((event, i) => {
    const found = recentById.get(event.id);
    if (found !== undefined) start = found.revision - BigInt(i);
    return found !== undefined;
  });
  const known = start !== undefined;
  if (start === undefined) {
    start = expected === NO_STREAM ? 0n : typeof expected === 'bigint' ? expected + 1n : undefined;
    if (start === undefined || start > head.revision) return undefined;
  }
  const earlier = start < 0n ? [] : await readForwards(start, pending.length);
  if (earlier.length === pending.length && earlier.every((event, i) => event.id === pending[i]?.id)) {
    const [first, last] = [earlier[0] as StoredHashedEvent, earlier.at(-1) as StoredHashedEvent];
    return {
      firstRevision: first.revision,
      nextExpectedRevision: last.revision,
      position: last.position,
      written: false,
    };
  }
  const ids = new Set(pending.map((event) => event.id));
  const clash = known ? recent.find((event) => ids.has(event.id)) : earlier.find((event) => ids.has(event.id));
  if (clash !== undefined) throw new DuplicateEventIdError(clash.id, stream, 'only part of this append was recorded');
  return undefined;
}
