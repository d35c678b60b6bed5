import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from './envelope.ts';
import { satisfies } from './expected-revision.ts';
import { formatPosition, fromJsonEvent, parsePosition, toJsonEvent } from './json-event.ts';

const event: RecordedEvent = {
  id: '0b6f4e4c-9f7e-4f3c-8a43-4c8e0b7c1a01',
  type: 'TicketReceived',
  schemaVersion: 1,
  stream: 'ticket-42',
  revision: 9007199254740993n,
  position: 18446744073709551615n,
  recordedAt: '2026-05-11T10:15:00.000Z',
  occurredAt: '2026-05-11T10:14:00.000Z',
  actor: 'agent-7',
  correlationId: 'request-1',
  causationId: 'request-1',
  data: { title: 'x' },
  hash: 'ab',
};

describe('events as JSON', () => {
  it('carries 64-bit revisions and positions as decimal strings, exactly', () => {
    const text = JSON.stringify(toJsonEvent(event));
    expect(text).toContain('"position":"18446744073709551615"');
    expect(fromJsonEvent(JSON.parse(text))).toEqual(event);
  });

  it('refuses positions that are not plain decimal strings', () => {
    for (const bad of ['-1', '1e3', ' 1', '01', '0x10', '']) expect(() => parsePosition(bad)).toThrow();
    expect(() => fromJsonEvent({ ...toJsonEvent(event), position: 12 })).toThrow();
    expect(parsePosition(formatPosition(0n))).toBe(0n);
  });
});

describe('expected revisions', () => {
  it('follow the rules of EventStoreDB', () => {
    expect(satisfies('any', 'no_stream')).toBe(true);
    expect(satisfies('no_stream', 'no_stream')).toBe(true);
    expect(satisfies('no_stream', 0n)).toBe(false);
    expect(satisfies('stream_exists', 'no_stream')).toBe(false);
    expect(satisfies('stream_exists', 4n)).toBe(true);
    expect(satisfies(4n, 4n)).toBe(true);
    expect(satisfies(3n, 4n)).toBe(false);
    expect(satisfies(0n, 'no_stream')).toBe(false);
  });
});
