import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import { heapCensus, perUnit } from './heap-census.ts';

class Reading {
  readonly ticketId: string;
  readonly at: number;

  constructor(ticketId: string, at: number) {
    this.ticketId = ticketId;
    this.at = at;
  }
}

class Keeper {
  readonly #readings = new Map<string, Reading>();

  constructor(count: number, from: number) {
    for (let i = from; i < from + count; i += 1) this.#readings.set(`T-${i}`, new Reading(`T-${i}`, 1.5e12 + i));
  }
}

const directory = mkdtempSync(join(tmpdir(), 'heap-census-spec-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('the heap census', () => {
  it('counts what one more unit keeps, by kind and by the class that keeps it', () => {
    const kept: Keeper[] = [new Keeper(1_000, 0)];
    const first = heapCensus(writeHeapSnapshot(join(directory, 'first.heapsnapshot')));
    kept.push(new Keeper(2_000, 1_000));
    const second = heapCensus(writeHeapSnapshot(join(directory, 'second.heapsnapshot')));
    expect(kept).toHaveLength(2);
    const kinds = new Map(perUnit(first.kinds, second.kinds, 2_000).map((row) => [row.key, row.count]));
    // Each a Reading, its id and its instant (a double, boxed: not a small integer).
    expect(kinds.get('object Reading')).toBeCloseTo(1, 2);
    expect(kinds.get('number')).toBeGreaterThanOrEqual(0.99);
    expect(kinds.get('string')).toBeGreaterThanOrEqual(1.99);
    // Under the collection of the class that holds them; the test's own objects (the first census
    // among them) are not under any.
    const owners = new Map(perUnit(first.owners, second.owners, 2_000).map((row) => [row.key, row.count]));
    // The reading, its id, its instant and the map's key (a string of its own).
    expect(owners.get('Keeper.#readings')).toBeGreaterThan(3.8);
    expect(owners.get('Keeper.#readings')).toBeLessThan(4.1);
    expect(second.objects - first.objects).toBeGreaterThanOrEqual(6_000);
  });
});
