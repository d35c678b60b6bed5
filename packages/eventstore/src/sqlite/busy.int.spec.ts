import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { events } from '../../test/contract/context.ts';
import { startWorker } from '../../test/workers/start-worker.ts';
import { StoreBusyError } from '../port/errors.ts';
import { type ExpectedRevision, NO_STREAM } from '../port/expected-revision.ts';
import { openSqliteStore } from './sqlite-event-store.ts';

const directory = mkdtempSync(join(tmpdir(), 'eventstore-busy-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('sqlite event store whose write lock another process holds', () => {
  it('refuses appends with a retriable StoreBusyError, writes nothing, and takes the same appends once it is free', async () => {
    const file = join(directory, 'busy.sqlite');
    const busyTimeoutMs = 200;
    const store = await openSqliteStore({ file, busyTimeoutMs });
    await store.append('ticket-1', events(2), { expectedRevision: NO_STREAM });
    const withIds = (count: number) => events(count).map((event) => ({ ...event, id: randomUUID() }));
    // Submitted together, so the group commit gathers them: a small append, a large batch, a single event.
    const appends: [string, ReturnType<typeof withIds>, ExpectedRevision][] = [
      ['ticket-1', withIds(3), 1n],
      ['ticket-2', withIds(1000), NO_STREAM],
      ['ticket-3', withIds(1), NO_STREAM],
    ];
    const appendAll = () =>
      Promise.allSettled(
        appends.map(([stream, batch, expectedRevision]) => store.append(stream, batch, { expectedRevision })),
      );

    const locker = startWorker('lock-worker.ts', [file]);
    await locker.ready;
    const refused = await appendAll();
    for (const outcome of refused) {
      expect(outcome.status).toBe('rejected');
      const error = (outcome as PromiseRejectedResult).reason;
      expect(error).toBeInstanceOf(StoreBusyError);
      expect(error).toMatchObject({ code: 'eventstore.busy', retryAfterSeconds: 1 });
      expect(error.message).toMatch(
        /write lock longer than the busy timeout \(200 ms\): nothing of this append was written/,
      );
    }
    // Reads do not wait for the lock (WAL), nor does opening the file, and they show nothing of the refused appends.
    const reader = await openSqliteStore({ file, busyTimeoutMs });
    for (const view of [store, reader]) {
      expect((await view.readAll()).map((event) => [event.stream, event.revision])).toEqual([
        ['ticket-1', 0n],
        ['ticket-1', 1n],
      ]);
    }

    locker.process.stdin?.write('release\n');
    expect(await locker.lines()).toEqual(['ready', 'released']);
    const retried = await appendAll();
    expect(retried.map((outcome) => outcome.status === 'fulfilled' && outcome.value)).toEqual([
      expect.objectContaining({ firstRevision: 2n, nextExpectedRevision: 4n, written: true }),
      expect.objectContaining({ firstRevision: 0n, nextExpectedRevision: 999n, written: true }),
      expect.objectContaining({ firstRevision: 0n, nextExpectedRevision: 0n, written: true }),
    ]);
    expect(await store.verify()).toEqual({ ok: true, checked: 1006 });
    expect(await store.headPosition()).toBe(1006n);
    expect(await reader.headPosition()).toBe(1006n);
    await Promise.all([store.close(), reader.close()]);
  });

  it('refuses to open a new file another process holds locked with a retriable StoreBusyError, and opens it once free', async () => {
    const file = join(directory, 'locked-new.sqlite');
    const locker = startWorker('lock-worker.ts', [file]);
    await locker.ready;
    const refused = openSqliteStore({ file, busyTimeoutMs: 200 });
    await expect(refused).rejects.toBeInstanceOf(StoreBusyError);
    await expect(refused).rejects.toThrow(
      /busy timeout \(200 ms\): this process could not open the file and wrote nothing; retry opening it/,
    );
    locker.process.stdin?.write('release\n');
    expect(await locker.lines()).toEqual(['ready', 'released']);
    const store = await openSqliteStore({ file, busyTimeoutMs: 200 });
    await store.append('ticket-1', events(1), { expectedRevision: NO_STREAM });
    expect(await store.verify()).toEqual({ ok: true, checked: 1 });
    await store.close();
  });
});
