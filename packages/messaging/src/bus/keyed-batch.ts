export interface KeyedBatchOptions<Message> {
  /** Messages handled at once, each of a distinct key; 1 handles the batch in offset order. */
  concurrency: number;
  handle(message: Message): Promise<void>;
  /**
   * Told the index of the last message of the done prefix each time it grows: everything up to it
   * may be committed. Returning false stops the batch (the member lost the partition).
   */
  settled(index: number): boolean | undefined;
  /** Asked before each message starts: false leaves the rest of the batch unstarted. */
  proceed(): boolean;
}

/**
 * Handles one partition's batch: the messages of a key one after the other in offset order,
 * messages of distinct keys at the same time (up to `concurrency`), always starting the lowest
 * offset that may start. Only the prefix of messages that are all done is ever reported settled,
 * so a commit never passes a message not handled, whatever finished after it. The first error
 * stops new starts; once the messages in flight are over it is thrown, and what follows the
 * failed message stays unsettled (delivered again: at least once).
 */
export async function handleKeyedBatch<Message extends { readonly key: string | null }>(
  messages: readonly Message[],
  options: KeyedBatchOptions<Message>,
): Promise<void> {
  const following = new Array<number>(messages.length).fill(-1);
  const lastOfKey = new Map<string | null, number>();
  // Each key's first message is ready at once; the next one once its predecessor is done.
  const ready: number[] = [];
  messages.forEach((message, index) => {
    const previous = lastOfKey.get(message.key);
    if (previous === undefined) ready.push(index);
    else following[previous] = index;
    lastOfKey.set(message.key, index);
  });
  // Kept in descending order, so that pop() takes the lowest offset.
  ready.reverse();
  const done = new Array<boolean>(messages.length).fill(false);
  let prefix = 0;
  let inFlight = 0;
  let stopped = false;
  let failure: { error: unknown } | undefined;
  const { promise: finished, resolve: finish } = Promise.withResolvers<void>();

  const fill = () => {
    while (!stopped && inFlight < options.concurrency && ready.length > 0) {
      if (!options.proceed()) {
        stopped = true;
        break;
      }
      inFlight += 1;
      void run(ready.pop()!);
    }
    if (inFlight === 0) finish();
  };
  // One async call a message (a chain of then/catch/finally made four promises and two closures a
  // message, for every message of every group).
  const run = async (index: number) => {
    try {
      await options.handle(messages[index]!);
      onDone(index);
    } catch (error) {
      fail(error);
    }
    inFlight -= 1;
    fill();
  };
  const fail = (error: unknown) => {
    failure ??= { error };
    stopped = true;
  };
  const onDone = (index: number) => {
    done[index] = true;
    const next = following[index]!;
    if (next >= 0) insertDescending(ready, next);
    const before = prefix;
    while (prefix < messages.length && done[prefix]) prefix += 1;
    if (prefix > before && options.settled(prefix - 1) === false) stopped = true;
  };
  fill();
  await finished;
  if (failure !== undefined) throw failure.error;
}

function insertDescending(values: number[], value: number): void {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle]! > value) low = middle + 1;
    else high = middle;
  }
  values.splice(low, 0, value);
}

/** A consumer's `concurrency`, checked: one message at a time unless told otherwise. */
export function batchConcurrency(concurrency: number | undefined): number {
  if (concurrency === undefined) return 1;
  if (!Number.isSafeInteger(concurrency) || concurrency < 1) {
    throw new Error(`concurrency must be a positive integer, not ${concurrency}`);
  }
  return concurrency;
}
