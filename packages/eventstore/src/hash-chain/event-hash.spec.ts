import { describe, expect, it } from 'vitest';
import { ChainVerifier } from './chain-verifier.ts';
import { GENESIS_HASH, type HashedEvent, hashEvent } from './event-hash.ts';

const event: HashedEvent = {
  id: '0b6f4e4c-9f7e-4f3c-8a43-4c8e0b7c1a01',
  type: 'TicketReceived',
  schemaVersion: 1,
  stream: 'ticket-42',
  revision: 0n,
  recordedAt: '2026-05-11T10:15:00.000Z',
  occurredAt: '2026-05-11T10:14:00.000Z',
  actor: 'agent-7',
  correlationId: 'request-1',
  causationId: 'request-1',
  dataJson: '{"priority":"P2","title":"Invoices are not printed"}',
};

describe('event hash', () => {
  it('is stable: the encoding is part of the stored history and must never change', () => {
    expect(hashEvent(GENESIS_HASH, event)).toBe('90c77b783499dde130eb001e42092eacdce765c3615ca5d45748d8116ad91296');
  });

  it('changes with any field and with the previous hash', () => {
    const base = hashEvent(GENESIS_HASH, event);
    const changes: Partial<HashedEvent>[] = [
      { id: '0b6f4e4c-9f7e-4f3c-8a43-4c8e0b7c1a02' },
      { type: 'TicketClosed' },
      { schemaVersion: 2 },
      { stream: 'ticket-43' },
      { revision: 1n },
      { recordedAt: '2026-05-11T10:15:00.001Z' },
      { occurredAt: '2026-05-11T10:14:00.001Z' },
      { actor: 'agent-8' },
      { correlationId: 'request-2' },
      { causationId: 'request-2' },
      { dataJson: '{"priority":"P1","title":"Invoices are not printed"}' },
    ];
    for (const change of changes) expect(hashEvent(GENESIS_HASH, { ...event, ...change })).not.toBe(base);
    expect(hashEvent('1'.repeat(64), event)).not.toBe(base);
  });

  it('verifies a chain and reports the first break once', () => {
    const first = { ...event, position: 1n, hash: hashEvent(GENESIS_HASH, event) };
    const second = { ...event, revision: 1n, id: 'x', position: 2n, hash: '' };
    second.hash = hashEvent(first.hash, second);
    const gap = { ...second, revision: 3n, position: 3n };
    const verifier = new ChainVerifier();
    expect([first, second].every((e) => verifier.check(e))).toBe(true);
    expect(verifier.check(gap)).toBe(false);
    expect(verifier.report()).toMatchObject({ ok: false, checked: 3, break: { revision: 3n, reason: 'revision_gap' } });
  });
});
