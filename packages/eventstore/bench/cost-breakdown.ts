import { canonicalJson } from '../src/hash-chain/canonical-json.ts';
import { hashEvent } from '../src/hash-chain/event-hash.ts';
import { ticketEvent } from './workload.ts';

/** Microseconds per event of the store's own work, measured apart: where an append's time goes besides SQLite. */
export function costBreakdown(): Record<string, number> {
  const event = ticketEvent('ticket-1', 1);
  const rounds = 20_000;
  const perEvent = (work: () => void) => {
    for (let i = 0; i < 1000; i++) work();
    const startedAt = performance.now();
    for (let i = 0; i < rounds; i++) work();
    return ((performance.now() - startedAt) * 1000) / rounds;
  };
  const dataJson = canonicalJson(event.data);
  const hashed = {
    id: crypto.randomUUID(),
    type: event.type,
    schemaVersion: 1,
    stream: 'ticket-1',
    revision: 1n,
    recordedAt: '2026-05-11T10:15:00.000Z',
    occurredAt: '2026-05-11T10:15:00.000Z',
    actor: 'agent-7',
    correlationId: 'c',
    causationId: 'c',
    dataJson,
  };
  return {
    'canonical JSON': perEvent(() => canonicalJson(event.data)),
    'JSON.stringify (raw)': perEvent(() => JSON.stringify(event.data)),
    'SHA-256 chain hash': perEvent(() => hashEvent('0'.repeat(64), hashed)),
    'JSON.parse': perEvent(() => JSON.parse(dataJson)),
  };
}
