import { randomUUID } from 'node:crypto';
import { canonicalJson } from '../hash-chain/canonical-json.ts';
import type { HashedEvent } from '../hash-chain/event-hash.ts';
import { hashEvent } from '../hash-chain/event-hash.ts';
import type { NewEvent } from './envelope.ts';
import { InvalidEventError } from './errors.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A new event checked and encoded, waiting for its stream position and recorded time. */
export interface PendingEvent {
  id: string;
  type: string;
  schemaVersion: number;
  dataJson: string;
  /** Undefined: the recorded time. */
  occurredAt: string | undefined;
  actor: string;
  correlationId: string;
  causationId: string;
}

/** An event ready to store: every field of the envelope but its global position. */
export interface SealedEvent extends HashedEvent {
  hash: string;
}

export function checkStreamName(stream: string): void {
  // `$` starts EventStoreDB's system streams and types: keeping it out keeps the adapters alike.
  if (typeof stream !== 'string' || stream.length === 0 || stream.startsWith('$')) {
    throw new InvalidEventError(`${JSON.stringify(stream)} is not a stream name (non-empty, not starting with $)`);
  }
}

/** Checks and encodes an append's events before any lock is taken, so a bad event fails alone and early. */
export function prepareEvents(stream: string, events: readonly NewEvent[]): PendingEvent[] {
  checkStreamName(stream);
  if (!Array.isArray(events) || events.length === 0) {
    throw new InvalidEventError(`an append to ${stream} needs at least one event`);
  }
  const ids = new Set<string>();
  const pending = events.map((event) => prepareEvent(stream, event));
  for (const event of pending) {
    if (ids.has(event.id)) throw new InvalidEventError(`event ${event.id} appears twice in one append to ${stream}`);
    ids.add(event.id);
  }
  return pending;
}

function prepareEvent(stream: string, event: NewEvent): PendingEvent {
  const where = `in an append to ${stream}`;
  const id = event.id === undefined ? randomUUID() : event.id.toLowerCase();
  if (!uuidPattern.test(id))
    throw new InvalidEventError(`event id ${JSON.stringify(event.id)} is not a UUID (${where})`);
  if (typeof event.type !== 'string' || event.type.length === 0 || event.type.startsWith('$')) {
    throw new InvalidEventError(`${JSON.stringify(event.type)} is not an event type (${where})`);
  }
  const schemaVersion = event.schemaVersion ?? 1;
  if (!Number.isSafeInteger(schemaVersion) || schemaVersion < 1) {
    throw new InvalidEventError(`schema version ${schemaVersion} of ${event.type} is not a positive integer`);
  }
  if (typeof event.data !== 'object' || event.data === null || Array.isArray(event.data)) {
    throw new InvalidEventError(`the data of ${event.type} must be a JSON object (${where})`);
  }
  let dataJson: string;
  try {
    dataJson = canonicalJson(event.data);
  } catch (error) {
    throw new InvalidEventError(`the data of ${event.type} is not JSON: ${(error as Error).message}`);
  }
  if (typeof event.actor !== 'string' || event.actor.length === 0) {
    throw new InvalidEventError(`${event.type} needs an actor (${where})`);
  }
  const correlationId = nonEmpty(event.correlationId, 'correlation id', event.type) ?? id;
  const causationId = nonEmpty(event.causationId, 'causation id', event.type) ?? correlationId;
  // The hash covers the text as given, the adapters store UTF-8: an unpaired surrogate would be
  // stored as U+FFFD and the stream would no longer verify, so it never gets in. The data needs no
  // check: its JSON spells such a surrogate as an escape (\ud800), which any encoding keeps.
  for (const [what, text] of [
    ['stream name', stream],
    ['type', event.type],
    ['actor', event.actor],
    ['correlation id', correlationId],
    ['causation id', causationId],
  ] as const) {
    if (!text.isWellFormed()) {
      throw new InvalidEventError(
        `the ${what} of ${event.type} holds an unpaired surrogate: not Unicode text (${where})`,
      );
    }
  }
  return {
    id,
    type: event.type,
    schemaVersion,
    dataJson,
    occurredAt: event.occurredAt === undefined ? undefined : isoInstant(event.occurredAt, event.type),
    actor: event.actor,
    correlationId,
    causationId,
  };
}

function nonEmpty(value: string | undefined, what: string, type: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length === 0) throw new InvalidEventError(`the ${what} of ${type} is empty`);
  return value;
}

function isoInstant(value: string | Date, type: string): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new InvalidEventError(`occurredAt ${JSON.stringify(value)} of ${type} is not an instant`);
  }
  // One form (UTC, milliseconds) whatever the upstream wrote, so the hash does not depend on it.
  return date.toISOString();
}

/** Gives a pending event its place and time, and chains it to its predecessor's hash. */
export function sealEvent(
  pending: PendingEvent,
  stream: string,
  revision: bigint,
  recordedAt: string,
  previousHash: string,
): SealedEvent {
  const event: HashedEvent = {
    id: pending.id,
    type: pending.type,
    schemaVersion: pending.schemaVersion,
    stream,
    revision,
    recordedAt,
    occurredAt: pending.occurredAt ?? recordedAt,
    actor: pending.actor,
    correlationId: pending.correlationId,
    causationId: pending.causationId,
    dataJson: pending.dataJson,
  };
  return { ...event, hash: hashEvent(previousHash, event) };
}
