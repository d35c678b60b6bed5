import type { z } from 'zod';
import { type DomainError, domainError } from '../shared/domain-error.ts';
import { err, ok, type Result } from '../shared/result.ts';
import type { AnyEvent, EventSchema } from './event-schema.ts';
import { describeIssues, schemaIssues } from './schema-issues.ts';

/** Turns a payload of version n into a payload of version n + 1. Pure; may throw on data it cannot read. */
export type Upcaster = (payload: Record<string, unknown>) => Record<string, unknown>;

/** Upcasters of one event type, keyed by the version they upcast from. */
export type Upcasters = Readonly<Record<number, Upcaster>>;

export interface EventRegistration {
  readonly type: string;
  readonly currentVersion: number;
  /** Schema of the whole event at `currentVersion` (`type` and `schemaVersion` included). */
  readonly schema: z.ZodType;
  readonly upcasters: Upcasters;
}

type Payload = Record<string, unknown>;

/**
 * Every event type a reader may meet, with the way to bring any stored version to the current one.
 * Events are never rewritten in the store: old payloads are upcast when read, so a replay years later
 * still reads them. A payload is the event without `type` and `schemaVersion`, which the store keeps
 * in its envelope (a payload that still holds them is accepted; the arguments win).
 */
export interface EventRegistry<E extends AnyEvent = AnyEvent> {
  readonly registrations: ReadonlyMap<string, EventRegistration>;
  /** The payload brought to the current version of its type and validated. */
  upcast(type: string, schemaVersion: number, payload: unknown): Result<Payload, DomainError>;
  /** The event at the current version of its type, validated, ready for `evolve`. */
  parseEvent(type: string, schemaVersion: number, payload: unknown): Result<E, DomainError>;
  /**
   * `parseEvent` of a stored event, done once per data object, type registration and version: a
   * store's subscriptions hand the same event to every reader of a process (the SLA clock, triage,
   * the projections…), as the in-process bus hands the same payload to each of its groups, and they
   * all parse it. The result is shared, so neither the data nor the event may be altered.
   */
  parseStored(stored: StoredEvent): Result<E, DomainError>;
}

interface Parsed {
  readonly entry: EventRegistration;
  readonly schemaVersion: number;
  readonly result: Result<AnyEvent, DomainError>;
}

// Kept on the data object itself, as long as it lives: a parse depends on nothing else than the
// data, the registration of its type and its version. One result per data object suffices, since
// composed registries share their registrations, so every reader of a type finds the same. Not in a
// WeakMap: a process parses thousands of events a second, and V8 marks a WeakMap's entries in the
// atomic pause of every major collection (ephemerons): under the load bench those pauses took 35 to
// 416 ms, against 10 to 26 ms with this cache and the log tail's kept off WeakMaps.
const parsedSlot = Symbol('parsed once');

function parsedOnce(data: object): Parsed | undefined {
  return (data as { [parsedSlot]?: Parsed })[parsedSlot];
}

/** Not enumerable: JSON, spreads, `Object.keys` and schema parses of the data never see it. */
function keepParsed(data: object, parsed: Parsed): void {
  if (!Object.isExtensible(data)) return;
  Object.defineProperty(data, parsedSlot, { value: parsed, writable: true, enumerable: false, configurable: true });
}

/** An event as a store hands it over: its envelope's type and version, and its data. */
export interface StoredEvent {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
}

/** A stored event with where it is kept: its stream, and its revision in it. */
export interface PlacedStoredEvent extends StoredEvent {
  readonly stream: string;
  readonly revision: bigint;
}

/**
 * `parseStored` for a reader that cannot go on past an event it cannot read (a fold, a decision,
 * an audit): the event, or an error naming where it is (`stream@revision: why`).
 */
export function readStored<E extends AnyEvent>(
  registry: Pick<EventRegistry<E>, 'parseStored'>,
  stored: PlacedStoredEvent,
): E {
  const parsed = registry.parseStored(stored);
  if (!parsed.ok) throw new Error(`${stored.stream}@${stored.revision}: ${parsed.error.message}`);
  return parsed.value;
}

export type EventOfRegistry<R> = R extends EventRegistry<infer E> ? E : never;

export function registration(schema: EventSchema, upcasters: Upcasters = {}): EventRegistration {
  const type = schema.shape.type.value;
  const currentVersion = schema.shape.schemaVersion.value;
  // A gap in the chain would only show when an old event is read, maybe years later: fail at wiring instead.
  for (let version = 1; version < currentVersion; version += 1) {
    if (upcasters[version] === undefined) {
      throw new Error(`Event ${type} is at version ${currentVersion} but has no upcaster from version ${version}`);
    }
  }
  return { type, currentVersion, schema, upcasters };
}

/** The events a list of event schemas describes. */
export type EventOfSchemas<S extends readonly EventSchema[]> =
  z.infer<S[number]> extends infer E extends AnyEvent ? E : never;

/** A registry of the given event schemas; `upcasters` per type for those past version 1. */
export function eventRegistry<const S extends readonly EventSchema[]>(
  schemas: S,
  upcasters: { readonly [T in EventOfSchemas<S>['type']]?: Upcasters } = {},
): EventRegistry<EventOfSchemas<S>> {
  const byType: Partial<Record<string, Upcasters>> = upcasters;
  return fromRegistrations(schemas.map((schema) => registration(schema, byType[schema.shape.type.value])));
}

export function fromRegistrations<E extends AnyEvent>(registrations: readonly EventRegistration[]): EventRegistry<E> {
  const byType = new Map<string, EventRegistration>();
  for (const entry of registrations) {
    if (byType.has(entry.type)) throw new Error(`Event type ${entry.type} is registered twice`);
    byType.set(entry.type, entry);
  }
  const unknownType = (type: string) => err(domainError('event.unknown_type', `Unknown event type ${type}`, { type }));
  const parseWith = (entry: EventRegistration, schemaVersion: number, payload: unknown): Result<E, DomainError> => {
    const current = upcastPayload(entry, schemaVersion, payload);
    return current.ok ? (validate(entry, schemaVersion, current.value) as Result<E, DomainError>) : current;
  };
  const parseEvent = (type: string, schemaVersion: number, payload: unknown): Result<E, DomainError> => {
    const entry = byType.get(type);
    return entry === undefined ? unknownType(type) : parseWith(entry, schemaVersion, payload);
  };
  return {
    registrations: byType,
    parseEvent,
    parseStored: (stored) => {
      const entry = byType.get(stored.type);
      if (entry === undefined) return unknownType(stored.type);
      const { data, schemaVersion } = stored;
      if (typeof data !== 'object' || data === null) return parseWith(entry, schemaVersion, data);
      const known = parsedOnce(data);
      if (known?.entry === entry && known.schemaVersion === schemaVersion)
        return known.result as Result<E, DomainError>;
      const result = parseWith(entry, schemaVersion, data);
      keepParsed(data, { entry, schemaVersion, result });
      return result;
    },
    upcast: (type, schemaVersion, payload) => {
      const parsed = parseEvent(type, schemaVersion, payload);
      if (!parsed.ok) return parsed;
      const { type: _type, schemaVersion: _version, ...current } = parsed.value as AnyEvent & Payload;
      return ok(current);
    },
  };
}

/** One registry over several (the ticket's, the contract's…); a type registered in two is a wiring error. */
export function composeRegistries<const R extends readonly EventRegistry[]>(
  ...registries: R
): EventRegistry<EventOfRegistry<R[number]>> {
  return fromRegistrations(registries.flatMap((registry) => [...registry.registrations.values()]));
}

function upcastPayload(entry: EventRegistration, schemaVersion: number, stored: unknown): Result<Payload, DomainError> {
  const { type, currentVersion } = entry;
  if (!Number.isInteger(schemaVersion) || schemaVersion < 1 || schemaVersion > currentVersion) {
    const message = `Cannot read ${type} version ${schemaVersion}: this reader knows versions 1 to ${currentVersion}`;
    return err(domainError('event.unsupported_version', message, { type, schemaVersion, currentVersion }));
  }
  if (!isPayload(stored)) {
    return err(domainError('event.invalid', `Invalid ${type} version ${schemaVersion}: the payload is not an object`));
  }
  const { type: _type, schemaVersion: _version, ...withoutHeader } = stored;
  let payload: Payload = withoutHeader;
  for (let version = schemaVersion; version < currentVersion; version += 1) {
    const next = tryUpcast(entry.upcasters[version], payload);
    if (!isPayload(next)) {
      const reason = next instanceof Error ? next.message : 'the upcaster returned no object';
      const message = `Cannot upcast ${type} from version ${version}: ${reason}`;
      return err(domainError('event.upcast_failed', message, { type, schemaVersion, failedAt: version }));
    }
    payload = next;
  }
  return ok(payload);
}

function tryUpcast(upcaster: Upcaster | undefined, payload: Payload): unknown {
  try {
    return upcaster?.(payload);
  } catch (cause) {
    return cause instanceof Error ? cause : new Error(String(cause));
  }
}

function validate(entry: EventRegistration, schemaVersion: number, payload: Payload): Result<AnyEvent, DomainError> {
  const { type, currentVersion } = entry;
  const parsed = entry.schema.safeParse({ ...payload, type, schemaVersion: currentVersion });
  if (parsed.success) return ok(parsed.data as AnyEvent);
  const issues = schemaIssues(parsed.error);
  const from = schemaVersion === currentVersion ? '' : ` (upcast from version ${schemaVersion})`;
  const message = `Invalid ${type} version ${currentVersion}${from}: ${describeIssues(issues)}`;
  return err(domainError('event.invalid', message, { type, schemaVersion, currentVersion, issues }));
}

function isPayload(value: unknown): value is Payload {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Error);
}
