import { hash } from 'node:crypto';

/** The "previous hash" of a stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** What the hash covers: the event as stored, except its global position (unknown to EventStoreDB before the write). */
export interface HashedEvent {
  id: string;
  type: string;
  schemaVersion: number;
  stream: string;
  revision: bigint;
  recordedAt: string;
  occurredAt: string;
  actor: string;
  correlationId: string;
  causationId: string;
  /** The data as canonical JSON (`canonicalJson`). */
  dataJson: string;
}

/**
 * SHA-256 (hex) of the previous hash and the event. The header is a JSON array in a fixed
 * order (every item a string or a small integer, so `JSON.stringify` is canonical for it),
 * then a newline and the canonical data. The leading tag versions the encoding.
 */
export function hashEvent(previousHash: string, event: HashedEvent): string {
  const header = JSON.stringify([
    'hotline-event-v1',
    previousHash,
    event.id,
    event.stream,
    event.revision.toString(10),
    event.type,
    event.schemaVersion,
    event.occurredAt,
    event.recordedAt,
    event.actor,
    event.correlationId,
    event.causationId,
  ]);
  return hash('sha256', `${header}\n${event.dataJson}`, 'hex');
}
