import { setFlagsFromString } from 'node:v8';

/**
 * How far the JavaScript heap may grow past what the last full collection kept before the next one
 * starts: V8's `--heap-growing-percent`, set at start by each process (it reads the flag every time
 * it sets the next limit, so setting it before the load comes is enough). 0 leaves V8's own factor.
 *
 * Why: the embedded read models keep every ticket in memory, so the heap grows with the tickets.
 * Under load V8 chose a factor of about 1.3: a full collection every few seconds, each marking the
 * whole heap, and the collector's share of the event loop grew with the heap (3% of the loop at
 * 100 MB, 12 to 16% at 1.5 GB; services/standalone/bench, tenth run). A fixed factor of 2 (100%)
 * makes them fewer, for more heap held between two of them (`docs/operations.md`). It replaces
 * V8's own, which may be higher on a small heap that it collects quickly (4 at most).
 */
export function applyHeapGrowth(percent: number): void {
  if (!Number.isSafeInteger(percent) || percent < 0) {
    throw new RangeError(`HEAP_GROWING_PERCENT must be a whole number from 0, not ${percent}`);
  }
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
