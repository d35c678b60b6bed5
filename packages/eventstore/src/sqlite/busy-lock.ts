import { StoreBusyError } from '../port/errors.ts';

/** SQLITE_BUSY, whose extended codes keep it in their low byte. */
const busy = 5;

/** Another process held the file's lock longer than the busy timeout. */
export function isBusy(error: unknown): boolean {
  return (((error as { errcode?: number }).errcode ?? 0) & 0xff) === busy;
}

/** What the caller is told then: what became of its request (nothing was written) and to retry it. */
export function storeBusy(error: unknown, busyTimeoutMs: number, consequence: string): StoreBusyError {
  return new StoreBusyError(
    `Another process held the event store's write lock longer than the busy timeout (${busyTimeoutMs} ms): ${consequence}.`,
    Math.max(1, Math.ceil(busyTimeoutMs / 1000)),
    { cause: error },
  );
}
