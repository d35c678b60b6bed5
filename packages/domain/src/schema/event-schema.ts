import { z } from 'zod';

/** The fields every event schema starts with; the rest of the object is the payload. */
export interface EventHeaderShape {
  type: z.ZodLiteral<string>;
  schemaVersion: z.ZodLiteral<number>;
}

/**
 * An event as a decider emits it: flat, its `type` and the version of its schema beside the payload.
 * The store's envelope (id, stream, revision, hashes…) wraps it.
 */
export type EventSchema = z.ZodObject<EventHeaderShape & z.ZodRawShape>;

export function eventSchema<const T extends string, const V extends number, S extends z.ZodRawShape>(
  type: T,
  schemaVersion: V,
  shape: S,
) {
  return z.object({ type: z.literal(type), schemaVersion: z.literal(schemaVersion), ...shape });
}

/** Any event of any aggregate, as the registry sees it. */
export interface AnyEvent {
  readonly type: string;
  readonly schemaVersion: number;
}

type EventOfType<E extends AnyEvent, T extends E['type']> = Extract<E, { type: T }>;
type PayloadOf<E extends AnyEvent> = Omit<E, 'type' | 'schemaVersion'>;

/**
 * Builds events with the schema version their schema declares, so a decider writes
 * `event('TicketClosed', { … })` and a version bump is a change in one place.
 */
export function eventFactory<E extends AnyEvent>(schemas: readonly EventSchema[]) {
  const versions = new Map(schemas.map((schema) => [schema.shape.type.value, schema.shape.schemaVersion.value]));
  return <T extends E['type']>(type: T, payload: PayloadOf<EventOfType<E, T>>): EventOfType<E, T> => {
    const schemaVersion = versions.get(type);
    if (schemaVersion === undefined) throw new Error(`No schema for event type ${type}`);
    return { type, schemaVersion, ...payload } as unknown as EventOfType<E, T>;
  };
}
