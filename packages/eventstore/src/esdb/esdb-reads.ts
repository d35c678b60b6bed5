import {
  type AllStreamRecordedEvent,
  type BACKWARDS,
  type END,
  type EventStoreDBClient,
  FORWARDS,
  type Position,
  type ResolvedEvent,
  START,
  StreamNotFoundError,
} from '@eventstore/db-client';
import type { StoredHashedEvent } from '../hash-chain/chain-verifier.ts';
import { isSystemEvent, toStored } from './esdb-records.ts';

const pageSize = 1000;

/** A stream's events as stored; none when the stream does not exist. */
export async function readStoredEvents(
  client: EventStoreDBClient,
  stream: string,
  direction: typeof FORWARDS | typeof BACKWARDS,
  fromRevision: bigint | typeof START | typeof END,
  maxCount: number | undefined,
): Promise<StoredHashedEvent[]> {
  const events: StoredHashedEvent[] = [];
  try {
    const read = client.readStream(stream, {
      direction,
      fromRevision,
      ...(maxCount === undefined ? {} : { maxCount }),
    });
    for await (const resolved of read as AsyncIterable<ResolvedEvent>) {
      if (resolved.event !== undefined) events.push(toStored(resolved.event));
    }
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
  return events;
}

/**
 * Reads `$all` after a position, page by page, leaving out the server's own events; `visit`
 * returns false to stop. Pages start at the last record seen (reads include their start).
 */
export async function scanAll(
  client: EventStoreDBClient,
  after: bigint,
  visit: (event: AllStreamRecordedEvent) => boolean,
): Promise<void> {
  let from: Position | typeof START = after === 0n ? START : { commit: after, prepare: after };
  let last = after;
  for (;;) {
    let count = 0;
    for await (const resolved of client.readAll({ fromPosition: from, maxCount: pageSize, direction: FORWARDS })) {
      count++;
      const event = resolved.event;
      if (event === undefined) continue;
      if (from !== START && event.position.commit <= last) continue;
      from = event.position;
      last = event.position.commit;
      if (isSystemEvent(event)) continue;
      if (!visit(event)) return;
    }
    if (count < pageSize) return;
  }
}
