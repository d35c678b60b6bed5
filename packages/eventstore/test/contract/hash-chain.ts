import { expect, it } from 'vitest';
import { NO_STREAM } from '../../src/index.ts';
import { type ContractContext, events, freshStream } from './context.ts';

export function hashChainContract(context: ContractContext): void {
  it('chains each event to the previous one of its stream, and verifies the chain', async () => {
    const [stream, other] = [freshStream(), freshStream()];
    await context.store.append(stream, events(2), { expectedRevision: NO_STREAM });
    await context.store.append(other, events(1), { expectedRevision: NO_STREAM });
    await context.store.append(stream, events(2), { expectedRevision: 1n });
    expect(await context.store.verify({ stream })).toEqual({ ok: true, checked: 4 });
    const report = await context.store.verify();
    expect(report.checked).toBeGreaterThanOrEqual(5);
    const hashes = (await context.store.readStream(stream)).map((event) => event.hash);
    expect(new Set(hashes).size).toBe(4);
  });

  it('reports the first tampered event of a stream, and of the whole log', async () => {
    const stream = freshStream();
    const tampered = await context.options.forge(context.store, stream);

    const report = await context.store.verify({ stream });
    expect(report).toMatchObject({
      ok: false,
      checked: 2,
      break: {
        stream,
        revision: 1n,
        eventId: tampered.eventId,
        reason: 'hash_mismatch',
        storedHash: tampered.storedHash,
      },
    });
    if (!report.ok) expect(report.break.expectedHash).not.toBe(report.break.storedHash);
    expect((await context.store.verify()).ok).toBe(false);
    expect(await context.store.readStream(stream)).toHaveLength(4);
  });

  it('verifies an empty or missing stream as intact', async () => {
    expect(await context.store.verify({ stream: freshStream() })).toEqual({ ok: true, checked: 0 });
  });
}
