import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import {
  ANY,
  DuplicateEventIdError,
  type ExpectedRevision,
  InvalidEventError,
  NO_STREAM,
  RevisionConflictError,
  STREAM_EXISTS,
} from '../../src/index.ts';
import { anEvent, type ContractContext, events, freshStream } from './context.ts';

async function conflictOf(promise: Promise<unknown>): Promise<RevisionConflictError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RevisionConflictError);
  return error as RevisionConflictError;
}

export function appendContract(context: ContractContext): void {
  it('creates a stream with no_stream, then refuses no_stream with the actual revision', async () => {
    const stream = freshStream();
    const result = await context.store.append(stream, events(2), { expectedRevision: NO_STREAM });
    expect(result).toMatchObject({ firstRevision: 0n, nextExpectedRevision: 1n, written: true });
    const conflict = await conflictOf(context.store.append(stream, events(1), { expectedRevision: NO_STREAM }));
    expect(conflict).toMatchObject({ code: 'eventstore.revision_conflict', stream, expected: NO_STREAM, actual: 1n });
    expect(await context.store.readStream(stream)).toHaveLength(2);
  });

  it('refuses stream_exists on a missing stream, naming no_stream as the actual revision', async () => {
    const stream = freshStream();
    const conflict = await conflictOf(context.store.append(stream, events(1), { expectedRevision: STREAM_EXISTS }));
    expect(conflict).toMatchObject({ stream, expected: STREAM_EXISTS, actual: NO_STREAM });
    await context.store.append(stream, events(1), { expectedRevision: NO_STREAM });
    const result = await context.store.append(stream, events(1), { expectedRevision: STREAM_EXISTS });
    expect(result.nextExpectedRevision).toBe(1n);
  });

  it('appends with any whether the stream exists or not', async () => {
    const stream = freshStream();
    await context.store.append(stream, events(1), { expectedRevision: ANY });
    const result = await context.store.append(stream, events(2), { expectedRevision: ANY });
    expect(result).toMatchObject({ firstRevision: 1n, nextExpectedRevision: 2n });
  });

  it('appends at an exact revision and refuses a stale or missing one', async () => {
    const stream = freshStream();
    const missing = await conflictOf(context.store.append(stream, events(1), { expectedRevision: 0n }));
    expect(missing).toMatchObject({ expected: 0n, actual: NO_STREAM });
    await context.store.append(stream, events(3), { expectedRevision: NO_STREAM });
    await context.store.append(stream, events(1), { expectedRevision: 2n });
    const stale = await conflictOf(context.store.append(stream, events(1), { expectedRevision: 2n }));
    expect(stale).toMatchObject({ stream, expected: 2n, actual: 3n });
    expect(stale.message).toContain(stream);
  });

  it('writes nothing of an append that conflicts or holds an invalid event', async () => {
    const stream = freshStream();
    await context.store.append(stream, events(1), { expectedRevision: NO_STREAM });
    const head = await context.store.headPosition();
    await conflictOf(context.store.append(stream, events(5), { expectedRevision: 7n }));
    const invalid = [anEvent(), anEvent({ data: { amount: 10n } as never })];
    await expect(context.store.append(stream, invalid, { expectedRevision: 0n })).rejects.toBeInstanceOf(
      InvalidEventError,
    );
    expect(await context.store.readStream(stream)).toHaveLength(1);
    const after = await context.store.readAll({ after: head });
    expect(after.filter((event) => event.stream === stream)).toEqual([]);
  });

  it('records all the events of one append together, in order, with consecutive revisions', async () => {
    const stream = freshStream();
    const result = await context.store.append(stream, events(4), { expectedRevision: NO_STREAM });
    const recorded = await context.store.readStream(stream);
    expect(recorded.map((event) => event.revision)).toEqual([0n, 1n, 2n, 3n]);
    expect(recorded.map((event) => event.data.index)).toEqual([0, 1, 2, 3]);
    const positions = recorded.map((event) => event.position);
    expect([...positions].sort((a, b) => (a < b ? -1 : 1))).toEqual(positions);
    expect(new Set(positions).size).toBe(4);
    expect(result.position).toBe(positions[3]);
    expect(new Set(recorded.map((event) => event.recordedAt)).size).toBe(1);
  });

  it('keeps every field of the envelope', async () => {
    const clock = () => new Date('2026-05-11T10:15:00.000Z');
    const store = await context.open({ clock });
    const stream = freshStream();
    const [received, noted] = [anEvent({ id: randomUUID() }), anEvent({ type: 'TicketNoteAdded', schemaVersion: 3 })];
    const given = {
      ...noted,
      occurredAt: '2026-05-11T12:00:00+02:00',
      correlationId: 'request-42',
      causationId: received.id as string,
    };
    await store.append(stream, [received, given], { expectedRevision: NO_STREAM });
    const [first, second] = await store.readStream(stream);
    expect(first).toMatchObject({
      id: received.id,
      type: 'TicketReceived',
      schemaVersion: 1,
      stream,
      revision: 0n,
      recordedAt: '2026-05-11T10:15:00.000Z',
      occurredAt: '2026-05-11T10:15:00.000Z',
      actor: 'agent-7',
      correlationId: received.id,
      causationId: received.id,
      data: { title: 'Invoices are not printed', priority: 'P2' },
    });
    expect(first?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(typeof first?.position).toBe('bigint');
    expect(second).toMatchObject({
      type: 'TicketNoteAdded',
      schemaVersion: 3,
      revision: 1n,
      occurredAt: '2026-05-11T10:00:00.000Z',
      correlationId: 'request-42',
      causationId: received.id,
    });
    expect(second?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(second?.hash).not.toBe(first?.hash);
  });

  it('treats appending the same events again as a no-op, whatever the expected revision', async () => {
    const stream = freshStream();
    const batch = events(3).map((event) => ({ ...event, id: randomUUID() }));
    const first = await context.store.append(stream, batch, { expectedRevision: NO_STREAM });
    const again = await context.store.append(stream, batch, { expectedRevision: NO_STREAM });
    expect(again).toEqual({ ...first, written: false });
    const withAny = await context.store.append(stream, batch, { expectedRevision: ANY });
    expect(withAny.written).toBe(false);
    expect(await context.store.readStream(stream)).toHaveLength(3);
    const next = await context.store.append(stream, events(1), { expectedRevision: first.nextExpectedRevision });
    expect(next.firstRevision).toBe(3n);
  });

  it('finds replays in their stream when the ids are said to be its own', async () => {
    const stream = freshStream();
    const own = { idsUniqueIn: 'stream' } as const;
    const batch = events(2).map((event) => ({ ...event, id: randomUUID() }));
    const first = await context.store.append(stream, batch, { expectedRevision: NO_STREAM, ...own });
    const more = await context.store.append(stream, events(1), { expectedRevision: 1n, ...own });
    // A retry carries the expectation it had, or none.
    for (const expectedRevision of [NO_STREAM, ANY, STREAM_EXISTS] as const) {
      const again = await context.store.append(stream, batch, { expectedRevision, ...own });
      expect(again).toEqual({ ...first, written: false });
    }
    const [later] = await context.store.readStream(stream, { fromRevision: 2n });
    const alone = { ...anEvent(), id: later!.id };
    await expect(context.store.append(stream, [alone], { expectedRevision: ANY, ...own })).resolves.toEqual({
      ...more,
      written: false,
    });
    // Part of an earlier append, or one of its ids with a new event: refused, nothing written.
    await expect(
      context.store.append(stream, [batch[0]!, anEvent()], { expectedRevision: ANY, ...own }),
    ).rejects.toBeInstanceOf(DuplicateEventIdError);
    await expect(
      context.store.append(stream, [anEvent({ id: randomUUID() }), batch[1]!], { expectedRevision: ANY, ...own }),
    ).rejects.toBeInstanceOf(DuplicateEventIdError);
    expect(await context.store.readStream(stream)).toHaveLength(3);
    // Still a conflict when nothing of it was recorded.
    const stale = await conflictOf(context.store.append(stream, events(1), { expectedRevision: 1n, ...own }));
    expect(stale).toMatchObject({ expected: 1n, actual: 2n });
    const next = await context.store.append(stream, events(1), { expectedRevision: 2n, ...own });
    expect(next).toMatchObject({ firstRevision: 3n, written: true });
  });

  it('refuses a re-append that repeats only part of an earlier one', async () => {
    const stream = freshStream();
    const earlier = anEvent({ id: randomUUID() });
    await context.store.append(stream, [earlier], { expectedRevision: NO_STREAM });
    await expect(context.store.append(stream, [anEvent(), earlier], { expectedRevision: ANY })).rejects.toBeInstanceOf(
      DuplicateEventIdError,
    );
    expect(await context.store.readStream(stream)).toHaveLength(1);
  });

  it('refuses appends without events, and streams or types that start with $', async () => {
    await expect(context.store.append(freshStream(), [], { expectedRevision: ANY })).rejects.toBeInstanceOf(
      InvalidEventError,
    );
    await expect(context.store.append('$ticket', events(1), { expectedRevision: ANY })).rejects.toBeInstanceOf(
      InvalidEventError,
    );
    const system = anEvent({ type: '$metadata' });
    await expect(context.store.append(freshStream(), [system], { expectedRevision: ANY })).rejects.toBeInstanceOf(
      InvalidEventError,
    );
  });

  it('refuses names that are not Unicode (an unpaired surrogate), which UTF-8 storage would alter', async () => {
    const stream = freshStream();
    const lone = '\ud800';
    for (const event of [
      anEvent({ type: `Ticket${lone}` }),
      anEvent({ actor: `agent-${lone}` }),
      anEvent({ correlationId: lone }),
    ]) {
      await expect(context.store.append(stream, [event], { expectedRevision: ANY })).rejects.toBeInstanceOf(
        InvalidEventError,
      );
    }
    await expect(context.store.append(`${stream}${lone}`, events(1), { expectedRevision: ANY })).rejects.toBeInstanceOf(
      InvalidEventError,
    );
    expect(await context.store.readStream(stream)).toHaveLength(0);
    // In the data, JSON escapes the surrogate: it comes back as it went in, and the chain holds.
    const data = { note: `a${lone} et des émojis 😀`, [lone]: 1 };
    await context.store.append(stream, [anEvent({ data })], { expectedRevision: ANY });
    expect((await context.store.readStream(stream))[0]?.data).toEqual(data);
    expect(await context.store.verify({ stream })).toEqual({ ok: true, checked: 1 });
  });

  it('lets one conflicting append fail without failing concurrent ones', async () => {
    const streams = Array.from({ length: 20 }, () => freshStream());
    const doomed = freshStream();
    await context.store.append(doomed, events(1), { expectedRevision: NO_STREAM });
    const outcomes = await Promise.allSettled([
      ...streams.map((stream) => context.store.append(stream, events(2), { expectedRevision: NO_STREAM })),
      context.store.append(doomed, events(1), { expectedRevision: NO_STREAM }),
    ]);
    expect(outcomes.slice(0, 20).every((outcome) => outcome.status === 'fulfilled')).toBe(true);
    expect(outcomes[20]).toMatchObject({ status: 'rejected', reason: { code: 'eventstore.revision_conflict' } });
    for (const stream of streams) expect(await context.store.readStream(stream)).toHaveLength(2);
  });

  it('serializes concurrent appends to one stream: with retries, every one lands exactly once', async () => {
    const count = context.options.concurrentAppends ?? 1000;
    const stream = freshStream();
    const appendWithRetry = async (index: number) => {
      let expectedRevision: ExpectedRevision = NO_STREAM;
      const event = anEvent({ id: randomUUID(), type: 'TicketNoteAdded', data: { index } });
      for (;;) {
        try {
          return await context.store.append(stream, [event], { expectedRevision });
        } catch (error) {
          if (!(error instanceof RevisionConflictError)) throw error;
          // The conflict says where the stream is: no need to read it again to retry.
          expectedRevision = error.actual;
        }
      }
    };
    await Promise.all(Array.from({ length: count }, (_, index) => appendWithRetry(index)));
    const recorded = await context.store.readStream(stream);
    expect(recorded).toHaveLength(count);
    expect(recorded.map((event) => event.revision)).toEqual(Array.from({ length: count }, (_, i) => BigInt(i)));
    expect(new Set(recorded.map((event) => event.data.index)).size).toBe(count);
    expect(await context.store.verify({ stream })).toEqual({ ok: true, checked: count });
  }, 60_000);
}
