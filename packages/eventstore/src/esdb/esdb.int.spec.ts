import { NO_STREAM as ESDB_NO_STREAM } from '@eventstore/db-client';
import type { StartedKurrentDbContainer } from '@testcontainers/kurrentdb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, freshStream } from '../../test/contract/context.ts';
import { eventStoreContract } from '../../test/contract.ts';
import { findEsdbTarget, kurrentDbImage } from '../../test/esdb-target.ts';
import { startTcpProxy } from '../../test/tcp-proxy.ts';
import { canonicalJson } from '../hash-chain/canonical-json.ts';
import { GENESIS_HASH } from '../hash-chain/event-hash.ts';
import type { EventStore } from '../port/event-store.ts';
import { NO_STREAM } from '../port/expected-revision.ts';
import { prepareEvents, type SealedEvent, sealEvent } from '../port/pending-event.ts';
import { type EsdbEventStore, openEsdbStore } from './esdb-event-store.ts';
import { toEventData } from './esdb-records.ts';

const target = await findEsdbTarget();
if (target.kind === 'none') console.warn(`[eventstore] EventStoreDB tests skipped: ${target.reason}`);

/** Writes four events past the store, the second altered after it was hashed: all EventStoreDB lets a forger do. */
async function forge(store: EventStore, stream: string) {
  const recordedAt = new Date().toISOString();
  let previousHash = GENESIS_HASH;
  const sealed = prepareEvents(stream, events(4)).map((event, i) => {
    const record = sealEvent(event, stream, BigInt(i), recordedAt, previousHash);
    previousHash = record.hash;
    return record;
  });
  const honest = sealed[1] as SealedEvent;
  const altered = { ...honest, dataJson: canonicalJson({ ...JSON.parse(honest.dataJson), forged: true }) };
  const written = [sealed[0], altered, sealed[2], sealed[3]] as SealedEvent[];
  await (store as EsdbEventStore).client.appendToStream(stream, written.map(toEventData), {
    expectedRevision: ESDB_NO_STREAM,
  });
  return { eventId: honest.id, storedHash: honest.hash };
}

describe.skipIf(target.kind === 'none')('eventstoredb', () => {
  let connectionString = target.kind === 'server' ? target.connectionString : '';
  let container: StartedKurrentDbContainer | undefined;

  beforeAll(async () => {
    if (target.kind !== 'container') return;
    const { KurrentDbContainer } = await import('@testcontainers/kurrentdb');
    container = await new KurrentDbContainer(kurrentDbImage).start();
    // The module speaks KurrentDB's scheme; this client knows the older, equivalent esdb://.
    connectionString = container.getConnectionString().replace(/^kurrentdb:/, 'esdb:');
  }, 180_000);
  afterAll(async () => {
    await container?.stop();
  });

  eventStoreContract('eventstoredb', (options) => openEsdbStore({ ...options, connectionString }), {
    forge,
    // Each try is a network round trip (read the head, write): 1,000 racing appenders would
    // need half a million of them to all get in, so fewer race here.
    concurrentAppends: 100,
  });

  it('resubscribes from its position after the connection dropped, and misses nothing', async () => {
    const url = new URL(connectionString);
    if (url.searchParams.get('tls') !== 'false') return;
    const proxy = await startTcpProxy(url.hostname, Number(url.port || 2113));
    const proxied = new URL(connectionString);
    proxied.host = `127.0.0.1:${proxy.port}`;
    const drops: Error[] = [];
    const store = await openEsdbStore({
      connectionString: proxied.toString(),
      resubscribeDelayMs: 50,
      onSubscriptionDrop: (error) => drops.push(error),
    });
    const stream = freshStream();
    const seen: bigint[] = [];
    const subscription = store.subscribe((event) => void seen.push(event.revision), {
      after: await store.headPosition(),
      filter: { streamPrefixes: [stream] },
    });
    const first = await store.append(stream, events(2), { expectedRevision: NO_STREAM });
    await subscription.waitFor(first.position, { timeoutMs: 10_000 });
    proxy.dropConnections();
    const direct = await openEsdbStore({ connectionString });
    const second = await direct.append(stream, events(3), { expectedRevision: 1n });
    await subscription.waitFor(second.position, { timeoutMs: 20_000 });
    expect(seen).toEqual([0n, 1n, 2n, 3n, 4n]);
    expect(drops.length).toBeGreaterThan(0);
    await Promise.all([store.close(), direct.close()]);
    await proxy.close();
  }, 60_000);
});
