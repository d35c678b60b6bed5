import { expect, it } from 'vitest';
import { formatPosition, fromJsonEvent, NO_STREAM, parsePosition, toJsonEvent } from '../../src/index.ts';
import { type ContractContext, events, freshStream } from './context.ts';

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
}
