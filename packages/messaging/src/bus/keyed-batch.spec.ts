import { describe, expect, it } from 'vitest';
import { batchConcurrency, handleKeyedBatch } from './keyed-batch.ts';

const batch = (keys: string) => [...keys].map((key, offset) => ({ key, offset }));
type Message = ReturnType<typeof batch>[number];
const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

async function run(
  messages: Message[],
  concurrency: number,
  handle: (message: Message) => Promise<void> = tick,
  proceed: () => boolean = () => true,
) {
  const started: number[] = [];
  const settled: number[] = [];
  let error: unknown;
  await handleKeyedBatch(messages, {
    concurrency,
    handle: (message) => {
      started.push(message.offset);
      return handle(message);
    },
    settled: (index) => {
      settled.push(index);
      return true;
    },
    proceed,
  }).catch((caught: unknown) => {
    error = caught;
  });
  return { started, settled, error };
}

describe('a partition batch handled by key', () => {
  it('handles one message at a time in offset order with a concurrency of 1', async () => {
    const { started, settled } = await run(batch('abacba'), 1);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(settled).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('starts the lowest offset whose key is free, never two of one key at once', async () => {
    const busy = new Set<string>();
    let overlaps = 0;
    const { started } = await run(batch('aabbc'), 3, async ({ key }) => {
      if (busy.has(key)) overlaps += 1;
      busy.add(key);
      await tick();
      busy.delete(key);
    });
    expect(overlaps).toBe(0);
    expect(started.slice(0, 3)).toEqual([0, 2, 4]);
  });

  it('settles only a prefix of done messages, however far the others went', async () => {
    const othersDone = Promise.withResolvers<void>();
    let others = 0;
    const { settled } = await run(batch('abcd'), 4, async ({ offset }) => {
      if (offset === 0) {
        await othersDone.promise;
        await tick();
      } else if (++others === 3) othersDone.resolve();
    });
    expect(settled).toEqual([3]);
  });

  it('stops starting at the first failure and never settles past the failed message', async () => {
    const { started, settled, error } = await run(batch('abab'), 2, async ({ offset }) => {
      if (offset === 1) throw new Error('broken');
      await tick();
    });
    expect((error as Error).message).toBe('broken');
    expect(started).toEqual([0, 1]);
    expect(settled).toEqual([0]);
  });

  it('leaves the rest unstarted once told not to proceed', async () => {
    let allowed = 2;
    const { started, settled } = await run(batch('abcde'), 1, tick, () => allowed-- > 0);
    expect(started).toEqual([0, 1]);
    expect(settled).toEqual([0, 1]);
  });

  it('names a concurrency that is not a positive integer', () => {
    expect(batchConcurrency(undefined)).toBe(1);
    expect(() => batchConcurrency(1.5)).toThrow('concurrency must be a positive integer, not 1.5');
  });
});
