import {
  ANY as ESDB_ANY,
  NO_STREAM as ESDB_NO_STREAM,
  STREAM_EXISTS as ESDB_STREAM_EXISTS,
  type RecordedEvent as EsdbRecorded,
  type JSONEventType,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { describe, expect, it } from 'vitest';
import { ChainVerifier } from '../hash-chain/chain-verifier.ts';
import { GENESIS_HASH } from '../hash-chain/event-hash.ts';
import { RevisionConflictError } from '../port/errors.ts';
import { ANY, type ExpectedRevision, NO_STREAM, STREAM_EXISTS } from '../port/expected-revision.ts';
import { type PendingEvent, prepareEvents, sealEvent } from '../port/pending-event.ts';
import { commitPosition, isSystemEvent, toEventData, toRecordedEvent, toStored } from './esdb-records.ts';
import { toEsdbExpectedRevision, toRevisionConflict } from './esdb-revisions.ts';

/** What the client hands back for an event the adapter wrote: the server keeps data and metadata as JSON. */
function asRead(data: ReturnType<typeof toEventData>, revision: bigint, commit: bigint): EsdbRecorded<JSONEventType> {
  return {
    streamId: 'ticket-1',
    id: data.id,
    isJson: true,
    revision,
    type: data.type,
    created: new Date(),
    data: JSON.parse(JSON.stringify(data.data)),
    metadata: JSON.parse(JSON.stringify(data.metadata)),
    position: { commit, prepare: commit },
  } as EsdbRecorded<JSONEventType>;
}

describe('EventStoreDB mapping', () => {
  it('keeps the envelope in the metadata, so the chain verifies after a round trip', () => {
    const pending = prepareEvents('ticket-1', [
      { type: 'TicketReceived', data: { title: 'x', 2026: 'year key' }, actor: 'agent-7', correlationId: 'r-1' },
      { type: 'TicketNoteAdded', schemaVersion: 2, data: { note: 'y' }, actor: 'agent-7' },
    ]);
    let previousHash = GENESIS_HASH;
    const sealed = pending.map((event, i) => {
      const record = sealEvent(event, 'ticket-1', BigInt(i), '2026-05-11T10:15:00.000Z', previousHash);
      previousHash = record.hash;
      return record;
    });
    const written = sealed.map(toEventData);
    expect(written[0]?.metadata).toMatchObject({ actor: 'agent-7', $correlationId: 'r-1', $causationId: 'r-1' });
    const stored = written.map((data, i) => toStored(asRead(data, BigInt(i), 1000n + BigInt(i))));
    const verifier = new ChainVerifier();
    expect(stored.every((event) => verifier.check(event))).toBe(true);
    expect(toRecordedEvent(stored[1] as (typeof stored)[number])).toMatchObject({
      stream: 'ticket-1',
      revision: 1n,
      position: 1001n,
      schemaVersion: 2,
      data: { note: 'y' },
      hash: sealed[1]?.hash,
    });
  });

  it('refuses events the store did not write, and positions the server does not know', () => {
    const [pending] = prepareEvents('ticket-1', [{ type: 'A', data: {}, actor: 'a' }]);
    const sealed = sealEvent(pending as PendingEvent, 'ticket-1', 0n, '2026-05-11T10:15:00.000Z', GENESIS_HASH);
    const foreign = { ...asRead(toEventData(sealed), 0n, 1n), metadata: { written: 'elsewhere' } };
    expect(() => toStored(foreign as EsdbRecorded)).toThrow('was not written by');
    expect(() => commitPosition({ commit: 18446744073709551615n, prepare: 0n }, 'e')).toThrow('22.6');
    expect(commitPosition({ commit: 42n, prepare: 42n }, 'e')).toBe(42n);
    expect(isSystemEvent({ streamId: '$ce-ticket', type: '$>' })).toBe(true);
    expect(isSystemEvent({ streamId: 'ticket-1', type: 'TicketReceived' })).toBe(false);
  });

  it('maps expected revisions and the server refusal, whose actual version may be no_stream', () => {
    const expectations: ExpectedRevision[] = [NO_STREAM, STREAM_EXISTS, ANY, 3n];
    expect(expectations.map((expected) => toEsdbExpectedRevision(expected))).toEqual([
      ESDB_NO_STREAM,
      ESDB_STREAM_EXISTS,
      ESDB_ANY,
      3n,
    ]);
    const missing = new WrongExpectedVersionError(undefined, {
      streamName: 'ticket-1',
      expected: 0n,
      current: ESDB_NO_STREAM,
    });
    const conflict = toRevisionConflict(missing, 'ticket-1', 0n);
    expect(conflict).toBeInstanceOf(RevisionConflictError);
    expect(conflict).toMatchObject({ stream: 'ticket-1', expected: 0n, actual: NO_STREAM });
    const stale = new WrongExpectedVersionError(undefined, { streamName: 'ticket-1', expected: 1n, current: 4n });
    expect(toRevisionConflict(stale, 'ticket-1', 1n)).toMatchObject({ expected: 1n, actual: 4n });
  });
});
