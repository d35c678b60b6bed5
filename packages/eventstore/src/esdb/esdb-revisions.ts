import {
  type AppendExpectedRevision,
  ANY as ESDB_ANY,
  NO_STREAM as ESDB_NO_STREAM,
  STREAM_EXISTS as ESDB_STREAM_EXISTS,
  type WrongExpectedVersionError,
} from '@eventstore/db-client';
import { RevisionConflictError } from '../port/errors.ts';
import { ANY, type ExpectedRevision, NO_STREAM, STREAM_EXISTS } from '../port/expected-revision.ts';

/** The port's expected revision in the client's words (the same words, but not the same constants). */
export function toEsdbExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case NO_STREAM:
      return ESDB_NO_STREAM;
    case STREAM_EXISTS:
      return ESDB_STREAM_EXISTS;
    case ANY:
      return ESDB_ANY;
    default:
      return expected;
  }
}

/** The server's refusal as the port's conflict; its actual version is `no_stream` when the stream does not exist. */
export function toRevisionConflict(
  error: WrongExpectedVersionError,
  stream: string,
  expected: ExpectedRevision,
): RevisionConflictError {
  const { actualVersion } = error;
  // Older servers say -1 for a missing stream (through the error's gRPC metadata).
  const missing = actualVersion === ESDB_NO_STREAM || actualVersion < 0n;
  const actual = missing ? NO_STREAM : actualVersion;
  return new RevisionConflictError(stream, expected, actual);
}
