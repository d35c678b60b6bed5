import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IndexedHeap } from './indexed-heap.ts';

type Operation = { kind: 'set'; key: string; score: number } | { kind: 'delete'; key: string };

const operation = fc.oneof(
  fc.record({
    kind: fc.constant('set' as const),
    key: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
    score: fc.integer({ min: 0, max: 20 }),
  }),
  fc.record({ kind: fc.constant('delete' as const), key: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f') }),
);

describe('an indexed heap', () => {
  it('orders its keys by score then key, whatever the sequence of moves and removals', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 60 }), (operations: Operation[]) => {
        const heap = new IndexedHeap();
        const model = new Map<string, number>();
        for (const each of operations) {
          if (each.kind === 'set') {
            heap.set(each.key, each.score);
            model.set(each.key, each.score);
          } else {
            expect(heap.delete(each.key)).toBe(model.delete(each.key));
          }
        }
        const expected = [...model]
          .sort(([a, x], [b, y]) => x - y || (a < b ? -1 : 1))
          .map(([key, score]) => ({ key, score }));
        expect([...heap.ascending()]).toEqual(expected);
        expect(heap.peek()).toEqual(expected[0]);
        expect(heap.size).toBe(model.size);
        for (const [key, score] of model) expect(heap.score(key)).toBe(score);
      }),
    );
  });

  it('lists the first entries without going through the rest', () => {
    const heap = new IndexedHeap();
    for (let index = 0; index < 100_000; index++) heap.set(`T-${index}`, (index * 7919) % 100_000);
    const first: number[] = [];
    for (const entry of heap.ascending()) {
      first.push(entry.score);
      if (first.length === 5) break;
    }
    expect(first).toEqual([0, 1, 2, 3, 4]);
  });
});
