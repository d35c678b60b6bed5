/** The data of an event: a JSON object (checked when appended, since zod-inferred types are not `JsonObject`s). */
export type EventData = Readonly<Record<string, unknown>>;

/** An event as a caller hands it to `append`. */
export interface NewEvent {
  /** UUID. Give one to make a retried append idempotent; a random one is made otherwise. */
  id?: string;
  type: string;
  /** Version of the data's schema, from 1 (the default). */
  schemaVersion?: number;
  data: EventData;
  /** When it happened, which an upstream system may set (ISO 8601); the recorded time by default. */
  occurredAt?: string | Date;
  /** Who did it: an agent, a client, a service. */
  actor: string;
  /** The conversation this event belongs to; the event's own id by default (it starts one). */
  correlationId?: string;
  /** The message that caused this event; the correlation id by default. */
  causationId?: string;
}

/**
 * An event as the store recorded it: the envelope every event carries.
 * `revision` and `position` are bigints so that no precision is lost silently: `JSON.stringify`
 * refuses them, and `toJsonEvent` / `fromJsonEvent` carry them as decimal strings.
 */
export interface RecordedEvent<Data = EventData> {
  id: string;
  type: string;
  schemaVersion: number;
  stream: string;
  /** Position in the stream, from 0. */
  revision: bigint;
  /** Position in the global log: increases with every event, may have gaps. */
  position: bigint;
  /** When the store committed it (ISO 8601, UTC). */
  recordedAt: string;
  occurredAt: string;
  actor: string;
  correlationId: string;
  causationId: string;
  data: Data;
  /** SHA-256 (hex) chaining this event to the previous one of its stream, over the event as stored. */
  hash: string;
}
