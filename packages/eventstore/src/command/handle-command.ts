import type { NewEvent, RecordedEvent } from '../port/envelope.ts';
import { RevisionConflictError } from '../port/errors.ts';
import type { EventStore } from '../port/event-store.ts';
import { NO_STREAM } from '../port/expected-revision.ts';
import { derivedEventId } from './derived-event-id.ts';

/** A decider as the domain writes them: events are flat `{ type, schemaVersion, …payload }`. */
export interface StreamDecider<C, E extends DomainEventShape, S, Refusal> {
  decide(command: C, state: S): { ok: true; value: E[] } | { ok: false; error: Refusal };
  evolve(state: S, event: E): S;
  readonly initialState: S;
}

export interface DomainEventShape {
  readonly type: string;
  readonly schemaVersion: number;
  /** When it happened, if the event says so: it becomes the envelope's `occurredAt`. */
  readonly at?: string;
}

export interface CommandContext {
  /** Makes the command idempotent: the same id appends the same events once (see derivedEventId). */
  readonly commandId: string;
  /**
   * `stream` when the command id names the stream (it holds the stream's own id), so its events' ids
   * cannot be recorded on another stream: the store looks for them in that stream only
   * (`AppendOptions.idsUniqueIn`). By default they are unique store-wide, which is how a client's
   * Idempotency-Key reused for another request is found.
   */
  readonly idsUniqueIn?: 'store' | 'stream';
  readonly actor: string;
  readonly correlationId?: string;
  readonly causationId?: string;
}

export type CommandOutcome<E, S, Refusal> =
  | {
      readonly ok: true;
      /** The events this command recorded (on a replayed command, the ones it recorded the first time). */
      readonly events: readonly E[];
      readonly state: S;
      /** The stream's revision after the command, -1n for a stream that still does not exist. */
      readonly revision: bigint;
      /** False when nothing was written: a replayed command, or a decision without events. */
      readonly written: boolean;
    }
  | { readonly ok: false; readonly error: Refusal };

export interface HandleCommandOptions<C, E extends DomainEventShape, S, Refusal> {
  readonly stream: string;
  readonly decider: StreamDecider<C, E, S, Refusal>;
  readonly command: C;
  readonly context: CommandContext;
  /** Concurrent writers are retried this many times before the conflict is reported. */
  readonly maxAttempts?: number;
  /**
   * The stream as the caller has just read it (or `[]` for a stream that is all but certainly new),
   * decided on without reading it again. If another writer appended since, the append's expected
   * revision fails and the next attempt reads afresh; if the store finds the append a replay of
   * this command, the stream is read for what the command recorded the first time.
   */
  readonly history?: readonly RecordedEvent[];
}

/**
 * Load, decide, append with the expected revision: the whole life of a command. A concurrent append
 * makes the command decide again on the new state (never a blind merge); after `maxAttempts` the
 * conflict is thrown for the caller to report.
 */
export async function handleCommand<C, E extends DomainEventShape, S, Refusal>(
  store: EventStore,
  options: HandleCommandOptions<C, E, S, Refusal>,
): Promise<CommandOutcome<E, S, Refusal>> {
  const { stream, decider, command, context, maxAttempts = 5 } = options;
  const idOf = eventIdsOf(context.commandId);
  for (let attempt = 1; ; attempt++) {
    const given = attempt === 1 && options.history !== undefined;
    const history = given ? (options.history as readonly RecordedEvent[]) : await store.readStream(stream);
    const events = history.map(toDomainEvent<E>);
    const state = events.reduce(decider.evolve, decider.initialState);
    const revision = history.length === 0 ? -1n : history.at(-1)!.revision;

    const replayed = recordedBy(history, idOf);
    if (replayed.length > 0)
      return { ok: true, events: replayed.map(toDomainEvent<E>), state, revision, written: false };

    const decision = decider.decide(command, state);
    if (!decision.ok) return decision;
    if (decision.value.length === 0) return { ok: true, events: [], state, revision, written: false };

    try {
      const result = await store.append(stream, decision.value.map(toNewEvent(context, idOf)), {
        expectedRevision: revision < 0n ? NO_STREAM : revision,
        ...(context.idsUniqueIn === undefined ? {} : { idsUniqueIn: context.idsUniqueIn }),
      });
      // Decided on a given history that did not hold the first time: what it recorded then, and the
      // stream as it is now, are read rather than this decision's guess.
      if (!result.written && given) continue;
      return {
        ok: true,
        events: decision.value,
        state: decision.value.reduce(decider.evolve, state),
        revision: result.nextExpectedRevision,
        written: result.written,
      };
    } catch (error) {
      if (!(error instanceof RevisionConflictError) || attempt >= maxAttempts) throw error;
    }
  }
}

export function toDomainEvent<E>(recorded: RecordedEvent): E {
  return { type: recorded.type, schemaVersion: recorded.schemaVersion, ...recorded.data } as E;
}

/** The ids of a command's events by index, each derived once (a SHA-1 each) however often asked for. */
function eventIdsOf(commandId: string): (index: number) => string {
  const ids: string[] = [];
  return (index) => (ids[index] ??= derivedEventId(commandId, index));
}

function toNewEvent(context: CommandContext, idOf: (index: number) => string) {
  return (event: DomainEventShape, index: number): NewEvent => {
    const { type, schemaVersion, ...data } = event;
    return {
      id: idOf(index),
      type,
      schemaVersion,
      data,
      ...(event.at === undefined ? {} : { occurredAt: event.at }),
      actor: context.actor,
      ...(context.correlationId === undefined ? {} : { correlationId: context.correlationId }),
      ...(context.causationId === undefined ? {} : { causationId: context.causationId }),
    };
  };
}

/** The events a command already recorded: one append, so contiguous, with the ids derived from it. */
function recordedBy(history: readonly RecordedEvent[], idOf: (index: number) => string): RecordedEvent[] {
  if (history.length === 0) return [];
  const first = idOf(0);
  const start = history.findIndex((event) => event.id === first);
  if (start < 0) return [];
  const recorded: RecordedEvent[] = [];
  for (const event of history.slice(start)) {
    if (event.id !== idOf(recorded.length)) break;
    recorded.push(event);
  }
  return recorded;
}
