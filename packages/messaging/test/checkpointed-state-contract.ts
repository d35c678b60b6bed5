import { describe, expect, it } from 'vitest';
import type { CheckpointedState } from '../src/index.ts';

/** What every checkpointed state store promises: each position applied once per key, atomically. */
export function checkpointedStateContract(
  name: string,
  make: () => Promise<CheckpointedState<string[]>>,
  skip?: string,
) {
  describe.skipIf(skip !== undefined)(
    `${name} checkpointed state${skip === undefined ? '' : ` (skipped: ${skip})`}`,
    () => {
      const append = (value: string) => (state: string[] | undefined) => [...(state ?? []), value];

      it('applies a position once; a redelivered one has no second effect', async () => {
        const store = await make();
        expect(await store.apply('ticket-1', 5n, append('a'))).toBe('applied');
        expect(await store.apply('ticket-1', 5n, append('a'))).toBe('duplicate');
        expect(await store.apply('ticket-1', 3n, append('old'))).toBe('duplicate');
        expect(await store.apply('ticket-1', 9n, append('b'))).toBe('applied');
        expect(await store.get('ticket-1')).toEqual({ state: ['a', 'b'], position: 9n });
      });

      it('keeps one checkpoint per key, since keys have no order between them', async () => {
        const store = await make();
        await store.apply('ticket-1', 10n, append('x'));
        expect(await store.apply('ticket-2', 4n, append('y'))).toBe('applied');
        expect(await store.get('ticket-2')).toEqual({ state: ['y'], position: 4n });
        expect(await store.get('ticket-3')).toBeUndefined();
      });

      it('applies a position once even when two deliveries race', async () => {
        const store = await make();
        const outcomes = await Promise.all(
          Array.from({ length: 5 }, () => store.apply('ticket-9', 1n, append('once'))),
        );
        expect(outcomes.filter((outcome) => outcome === 'applied')).toHaveLength(1);
        expect((await store.get('ticket-9'))?.state).toEqual(['once']);
      });

      it('keeps positions beyond 2^53 exact', async () => {
        const store = await make();
        const big = 2n ** 60n + 1n;
        await store.apply('ticket-big', big, append('far'));
        expect(await store.apply('ticket-big', big, append('again'))).toBe('duplicate');
        expect((await store.get('ticket-big'))?.position).toBe(big);
      });
    },
  );
}
