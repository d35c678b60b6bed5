import { expect, it } from 'vitest';
import { NO_STREAM } from '../../src/index.ts';
import { anEvent, type ContractContext, freshStream } from './context.ts';

export function upcastContract(context: ContractContext): void {
  it('upcasts events stored under an old schema version when reading them, and verifies them as stored', async () => {
    const store = await context.open({
      upcast: (type, schemaVersion, data) =>
        type === 'TicketReceived' && schemaVersion === 1
          ? { schemaVersion: 2, data: { ...data, priority: { P2: 'high' }[data.priority as string] ?? 'normal' } }
          : { schemaVersion, data },
    });
    const stream = freshStream();
    const start = await store.headPosition();
    await store.append(stream, [anEvent(), anEvent({ type: 'TicketClosed', schemaVersion: 4, data: { by: 'x' } })], {
      expectedRevision: NO_STREAM,
    });
    const expected = [
      { type: 'TicketReceived', schemaVersion: 2, data: { title: 'Invoices are not printed', priority: 'high' } },
      { type: 'TicketClosed', schemaVersion: 4, data: { by: 'x' } },
    ];
    expect(await store.readStream(stream)).toMatchObject(expected);
    const fromLog = (await store.readAll({ after: start })).filter((event) => event.stream === stream);
    expect(fromLog).toMatchObject(expected);
    const seen: unknown[] = [];
    const subscription = store.subscribe((event) => void seen.push(event), {
      after: start,
      filter: { streamPrefixes: [stream] },
    });
    await subscription.waitFor(fromLog[1]?.position as bigint, { timeoutMs: 10_000 });
    expect(seen).toMatchObject(expected);
    await subscription.stop();
    expect(await store.verify({ stream })).toEqual({ ok: true, checked: 2 });
  });
}
