/** The stream must not exist yet. */
export const NO_STREAM = 'no_stream';
/** The stream must have at least one event. */
export const STREAM_EXISTS = 'stream_exists';
/** No check: append at the end, whatever it is. */
export const ANY = 'any';

/** What the caller believes the stream's last revision is; the same words as EventStoreDB's. */
export type ExpectedRevision = typeof NO_STREAM | typeof STREAM_EXISTS | typeof ANY | bigint;

/** The stream's last revision, or `no_stream`. */
export type ActualRevision = typeof NO_STREAM | bigint;

export function satisfies(expected: ExpectedRevision, actual: ActualRevision): boolean {
  switch (expected) {
    case ANY:
      return true;
    case NO_STREAM:
      return actual === NO_STREAM;
    case STREAM_EXISTS:
      return actual !== NO_STREAM;
    default:
      return actual === expected;
  }
}

export function describeRevision(revision: ExpectedRevision): string {
  return typeof revision === 'bigint' ? `revision ${revision}` : revision;
}
