import { type ActualRevision, describeRevision, type ExpectedRevision } from './expected-revision.ts';

/**
 * The stream is not where the caller expected it: someone else appended first (or the stream
 * does (not) exist). Nothing of the append was written; reload the stream and decide again.
 */
export class RevisionConflictError extends Error {
  readonly code = 'eventstore.revision_conflict';
  readonly stream: string;
  readonly expected: ExpectedRevision;
  readonly actual: ActualRevision;

  constructor(stream: string, expected: ExpectedRevision, actual: ActualRevision) {
    super(`Stream ${stream} was expected at ${describeRevision(expected)} but is at ${describeRevision(actual)}`);
    this.name = 'RevisionConflictError';
    this.stream = stream;
    this.expected = expected;
    this.actual = actual;
  }
}

/**
 * An event id is already recorded, but not as a replay of this very append (another stream,
 * or only some of the append's events): ids are unique, so this is a caller's mistake.
 */
export class DuplicateEventIdError extends Error {
  readonly code = 'eventstore.duplicate_event_id';
  readonly eventId: string;
  readonly stream: string;

  constructor(eventId: string, stream: string, detail: string) {
    super(`Event ${eventId} cannot be appended to ${stream}: ${detail}`);
    this.name = 'DuplicateEventIdError';
    this.eventId = eventId;
    this.stream = stream;
  }
}

/** The append or read request itself is malformed (bad stream name, data that is not JSON…). */
export class InvalidEventError extends Error {
  readonly code = 'eventstore.invalid_event';

  constructor(message: string) {
    super(message);
    this.name = 'InvalidEventError';
  }
}

/**
 * The store could not take its write lock in time: another process held it longer than the busy
 * timeout (a long transaction, a backup). Nothing of the append was written, so the very same
 * append (same ids, same expected revision) can be retried as is, after `retryAfterSeconds`.
 */
export class StoreBusyError extends Error {
  readonly code = 'eventstore.busy';
  readonly retryAfterSeconds: number;

  constructor(message: string, retryAfterSeconds: number, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StoreBusyError';
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The store was closed. */
export class StoreClosedError extends Error {
  readonly code = 'eventstore.closed';

  constructor() {
    super('The event store is closed');
    this.name = 'StoreClosedError';
  }
}
