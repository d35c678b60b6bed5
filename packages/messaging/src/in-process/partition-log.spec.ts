import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { RawMessage } from '../bus/message-codec.ts';
import { PartitionLog } from './partition-log.ts';

const message = (key: string): RawMessage => ({ key, value: `{"key":"${key}"}`, headers: {} }) as unknown as RawMessage;

describe('a partition of an in-process topic', () => {
  it('keeps its offsets while it forgets what every group committed past', () => {
    const log = new PartitionLog();
    for (let i = 0; i < 3_000; i += 1) log.append(message(`k${i}`));
    log.trimBefore(4);
    expect([log.start, log.end]).toEqual([4, 3_000]);
    expect(log.readFrom(0, 2).map((each) => each.key)).toEqual(['k4', 'k5']);
    log.trimBefore(2);
    expect(log.start).toBe(4);
    // Past a thousand let go, the array is shortened: offsets read the same.
    log.trimBefore(2_500);
    expect([log.start, log.end]).toEqual([2_500, 3_000]);
    expect(log.readFrom(2_999, 10).map((each) => each.key)).toEqual(['k2999']);
    expect(log.append(message('next'))).toBe(3_000);
    log.trimBefore(5_000);
    expect([log.start, log.end]).toEqual([3_001, 3_001]);
    expect(log.readFrom(0, 10)).toEqual([]);
  });

  it('lets a message go as soon as every group committed past it, not a thousand messages later', async () => {
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    const log = new PartitionLog();
    const refs = Array.from({ length: 10 }, (_, i) => {
      const each = message(`k${i}`);
      log.append(each);
      return new WeakRef(each);
    });
    log.trimBefore(6);
    // A WeakRef holds its target until the end of the turn that made it.
    await new Promise((resolve) => setTimeout(resolve, 0));
    collect();
    expect(refs.map((ref) => ref.deref() === undefined)).toEqual([...Array(6).fill(true), ...Array(4).fill(false)]);
  });
});
