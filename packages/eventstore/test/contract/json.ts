import { expect, it } from 'vitest';
import { formatPosition, fromJsonEvent, NO_STREAM, parsePosition, toJsonEvent } from '../../src/index.ts';
import { anEvent, type ContractContext, events, freshStream } from './context.ts';

export function jsonContract(context: ContractContext): void {
  it('gives revisions and positions as bigints that cross JSON as strings, never as lossy numbers', async () => {
    const stream = freshStream();
    await context.store.append(stream, events(2), { expectedRevision: NO_STREAM });
    const [event] = await context.store.readStream(stream, { fromRevision: 1n });
    if (event === undefined) throw new Error('no event read');
    expect(typeof event.revision).toBe('bigint');
    expect(typeof event.position).toBe('bigint');
    expect(() => JSON.stringify(event)).toThrow(TypeError);

    const json = JSON.parse(JSON.stringify(toJsonEvent(event)));
    expect(json.revision).toBe('1');
    expect(json.position).toBe(event.position.toString());
    expect(fromJsonEvent(json)).toEqual(event);
    expect(parsePosition(formatPosition(event.position))).toBe(event.position);
  });

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
