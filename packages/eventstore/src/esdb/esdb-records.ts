import type {
  AllStreamRecordedEvent,
  EventData as EsdbEventData,
  RecordedEvent as EsdbRecorded,
  Position,
} from '@eventstore/db-client';
import { z } from 'zod';
import { canonicalJson } from '../hash-chain/canonical-json.ts';
import type { StoredHashedEvent } from '../hash-chain/chain-verifier.ts';
import type { EventData, RecordedEvent } from '../port/envelope.ts';
import type { SealedEvent } from '../port/pending-event.ts';

/**
 * What the envelope keeps in an EventStoreDB event's metadata (id, type, stream and revision
 * are the server's own fields). `$correlationId` and `$causationId` are the server's names
 * for the same ids, which its `$by_correlation_id` projection reads.
 */
const metadataSchema = z.object({
  schemaVersion: z.number().int().positive(),
  occurredAt: z.string(),
  recordedAt: z.string(),
  actor: z.string(),
  correlationId: z.string(),
  causationId: z.string(),
  hash: z.string(),
});

// The server sends this for positions it does not know (stream reads before 22.6).
const unknownPosition = 18446744073709551615n;

export function toEventData(event: SealedEvent): EsdbEventData {
  return {
    id: event.id,
    contentType: 'application/json',
    type: event.type,
    // Written by the client with JSON.stringify: parsed back, it gives the same canonical text.
    data: JSON.parse(event.dataJson),
    metadata: {
      schemaVersion: event.schemaVersion,
      occurredAt: event.occurredAt,
      recordedAt: event.recordedAt,
      actor: event.actor,
      correlationId: event.correlationId,
      causationId: event.causationId,
      hash: event.hash,
      $correlationId: event.correlationId,
      $causationId: event.causationId,
    },
  };
}

/** EventStoreDB's own events ($-streams, $-types, links) are not the hotline's. */
export function isSystemEvent(event: { streamId: string; type: string }): boolean {
  return event.streamId.startsWith('$') || event.type.startsWith('$');
}

/** The global position: the commit position, unique per event for appends (each is its own implicit transaction). */
export function commitPosition(position: Position | undefined, what: string): bigint {
  if (position === undefined || position.commit === unknownPosition) {
    throw new Error(`EventStoreDB gave no position for ${what}: the store needs a server from 22.6 on`);
  }
  return position.commit;
}

/** The event as stored: envelope fields from the metadata, data as canonical JSON, as the hash covers it. */
export function toStored(event: EsdbRecorded | AllStreamRecordedEvent): StoredHashedEvent {
  const parsed = metadataSchema.safeParse(event.metadata);
  if (!event.isJson || !parsed.success) {
    throw new Error(`event ${event.id} of ${event.streamId} was not written by the hotline's event store`);
  }
  return {
    id: event.id,
    type: event.type,
    stream: event.streamId,
    revision: event.revision,
    position: commitPosition(event.position, `event ${event.id}`),
    ...parsed.data,
    dataJson: canonicalJson(event.data),
  };
}

export function toRecordedEvent(stored: StoredHashedEvent): RecordedEvent {
  return {
    id: stored.id,
    type: stored.type,
    schemaVersion: stored.schemaVersion,
    stream: stored.stream,
    revision: stored.revision,
    position: stored.position,
    recordedAt: stored.recordedAt,
    occurredAt: stored.occurredAt,
    actor: stored.actor,
    correlationId: stored.correlationId,
    causationId: stored.causationId,
    data: JSON.parse(stored.dataJson) as EventData,
    hash: stored.hash,
  };
}
