import { expect, it } from 'vitest';
import { NO_STREAM, type RecordedEvent } from '../../src/index.ts';
import { type ContractContext, events, freshStream } from './context.ts';

const indexes = (recorded: RecordedEvent[]) => recorded.map((event) => event.data.index);

export function readContract(context: ContractContext): void {
  it('reads a stream forwards from a revision, with a maximum count', async () => {
    const stream = freshStream();
    await context.store.append(stream, events(6), { expectedRevision: NO_STREAM });
    expect(indexes(await context.store.readStream(stream))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(indexes(await context.store.readStream(stream, { fromRevision: 2n, maxCount: 3 }))).toEqual([2, 3, 4]);
    expect(await context.store.readStream(stream, { fromRevision: 6n })).toEqual([]);
  });

  it('reads a stream backwards from the end or from a revision', async () => {
    const stream = freshStream();
    await context.store.append(stream, events(5), { expectedRevision: NO_STREAM });
    expect(indexes(await context.store.readStream(stream, { direction: 'backwards', maxCount: 2 }))).toEqual([4, 3]);
    const fromTwo = await context.store.readStream(stream, { direction: 'backwards', fromRevision: 2n });
    expect(fromTwo.map((event) => event.revision)).toEqual([2n, 1n, 0n]);
  });

  it('reads a missing stream as empty', async () => {
    expect(await context.store.readStream(freshStream())).toEqual([]);
    expect(await context.store.readStream(freshStream(), { direction: 'backwards', maxCount: 1 })).toEqual([]);
  });

  it('reads the global log after a position, in commit order across streams, page by page', async () => {
    const [tickets, contracts] = [freshStream('ticket'), freshStream('contract')];
    const start = await context.store.headPosition();
    await context.store.append(tickets, events(2), { expectedRevision: NO_STREAM });
    await context.store.append(contracts, events(1, 'ContractSigned'), { expectedRevision: NO_STREAM });
    const last = await context.store.append(tickets, events(2), { expectedRevision: 1n });
    expect(await context.store.headPosition()).toBe(last.position);

    const ours = (recorded: RecordedEvent[]) =>
      recorded.filter((event) => event.stream === tickets || event.stream === contracts);
    const all = ours(await context.store.readAll({ after: start }));
    expect(all.map((event) => [event.stream, event.revision])).toEqual([
      [tickets, 0n],
      [tickets, 1n],
      [contracts, 0n],
      [tickets, 2n],
      [tickets, 3n],
    ]);
    for (let i = 1; i < all.length; i++) expect(all[i]?.position).toBeGreaterThan(all[i - 1]?.position as bigint);

    const paged: RecordedEvent[] = [];
    let after = start;
    for (;;) {
      const page = await context.store.readAll({ after, maxCount: 2 });
      expect(page.length).toBeLessThanOrEqual(2);
      if (page.length === 0) break;
      paged.push(...page);
      after = page.at(-1)?.position as bigint;
    }
    expect(ours(paged)).toEqual(all);
  });

  it('starts at a zero head position and an empty log when nothing was appended', async () => {
    const head = await context.store.headPosition();
    expect(head).toBeGreaterThanOrEqual(0n);
    expect(await context.store.readAll({ after: head })).toEqual([]);
  });
}
