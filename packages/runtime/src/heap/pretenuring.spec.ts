import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { freshNodeOutput } from '../../test/support/fresh-node.ts';

const pretenuring = fileURLToPath(new URL('./pretenuring.ts', import.meta.url));

/**
 * In a fresh process with the setting applied, one allocation site whose objects all survive: the
 * decisions V8 takes on its allocation sites at each collection (printed under
 * --trace-pretenuring-statistics), none when it weighs no site.
 */
function sitesWeighed(enabled: boolean): string[] {
  const script = `
    import { applyPretenuring } from ${JSON.stringify(pretenuring)};
    applyPretenuring(${enabled});
    const kept = [];
    const make = (i) => ({ id: i, tags: [i] });
    for (let i = 0; i < 2_000_000; i++) kept.push(make(i));
  `;
  const trace = freshNodeOutput(['--trace-pretenuring-statistics'], script);
  return trace.split('\n').filter((line) => line.includes('pretenuring: AllocationSite'));
}

describe('allocation-site pretenuring', () => {
  it('is weighed by V8 when on, as by default', () => {
    expect(sitesWeighed(true).length).toBeGreaterThan(0);
  });

  it('is not when off: every object starts in the young generation', () => {
    expect(sitesWeighed(false)).toEqual([]);
  });
});
