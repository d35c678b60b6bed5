import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { freshNodeOutput } from '../../test/support/fresh-node.ts';
import { applyHeapGrowth } from './heap-growth.ts';

const heapGrowth = fileURLToPath(new URL('./heap-growth.ts', import.meta.url));

/**
 * In a fresh process with the percent applied, 180 MB kept then a full collection: the limit V8
 * sets for the next one, over what it kept (V8 prints both under --trace-gc-nvp).
 */
function nextLimitOverLive(percent: number): number {
  const script = `
    import { applyHeapGrowth } from ${JSON.stringify(heapGrowth)};
    applyHeapGrowth(${percent});
    globalThis.kept = Array.from({ length: 200_000 }, (_, i) => new Array(100).fill(i));
    globalThis.gc();
    globalThis.gc();
  `;
  const trace = freshNodeOutput(['--expose-gc', '--trace-gc-nvp'], script);
  const last =
    trace
      .split('\n')
      .filter((line) => line.includes(' gc=mc '))
      .at(-1) ?? '';
  const field = (name: string) => Number(new RegExp(`\\b${name}=(\\d+)`).exec(last)?.[1]);
  return field('old_gen_allocation_limit') / field('end_object_size');
}

describe('the heap growing percent', () => {
  it('sets how far the heap may grow past what a full collection kept before the next one', () => {
    const doubled = nextLimitOverLive(100);
    // Twice what was kept, and a little more: V8 adds a minimum step.
    expect(doubled).toBeGreaterThan(1.9);
    expect(doubled).toBeLessThan(2.8);
    expect(nextLimitOverLive(25)).toBeLessThan(doubled - 0.5);
  });

  it('refuses what is not a whole number from 0, naming the setting', () => {
    expect(() => applyHeapGrowth(-1)).toThrow(/HEAP_GROWING_PERCENT must be a whole number from 0, not -1/);
    expect(() => applyHeapGrowth(1.5)).toThrow(/HEAP_GROWING_PERCENT/);
  });
});
