import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | undefined;

/**
 * One full collection, once the start has built the view and judged every ticket: the start leaves
 * hundreds of megabytes of garbage beside a live heap as large (100,000 tickets: ~700 MB), and the
 * major collection it calls for would otherwise mark that heap in steps taken from the first
 * queries' allocations (steps of up to 150 ms were seen on a loaded 2-core machine). Done here,
 * before the service reports ready, it also sets the old generation's next limit from the heap that
 * stays, so the next major collection waits for the heap to grow by about as much again.
 *
 * Node exposes no collection call without `--expose-gc`; setting the flag at run time and taking
 * `gc` from a fresh context is the usual way to get one without changing how the process starts.
 */
export function settleHeap(): void {
  if (collect === undefined) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}
