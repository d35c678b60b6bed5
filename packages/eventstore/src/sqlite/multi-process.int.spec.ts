import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startWorker } from '../../test/workers/start-worker.ts';
import { openSqliteStore } from './sqlite-event-store.ts';

const directory = mkdtempSync(join(tmpdir(), 'eventstore-processes-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('sqlite event store shared by processes', () => {
  it('never loses, duplicates or reorders events, and a subscriber elsewhere sees each exactly once', async () => {
    const file = join(directory, 'shared.sqlite');
    const [processes, perProcess, lanes] = [3, 150, 4];
    // Each append holds two events, once to the shared stream and once to the worker's own.
    const total = processes * perProcess * 2 * 2;
    await (await openSqliteStore({ file })).close();

    const subscriber = startWorker('subscribe-worker.ts', [file, String(total)]);
    await subscriber.ready;
    const appenders = Array.from({ length: processes }, (_, i) =>
      startWorker('append-worker.ts', [file, `w${i}`, String(perProcess), String(lanes)]),
    );
    const summaries = (await Promise.all(appenders.map((appender) => appender.lines()))).map((lines) =>
      JSON.parse(lines.at(-1) as string),
    );
    expect(summaries.reduce((sum, summary) => sum + summary.conflicts, 0)).toBeGreaterThan(0);

    const store = await openSqliteStore({ file });
    const log = await store.readAll();
    expect(log).toHaveLength(total);
    expect(new Set(log.map((event) => event.id)).size).toBe(total);
    const shared = await store.readStream('ticket-shared');
    expect(shared.map((event) => event.revision)).toEqual(Array.from({ length: shared.length }, (_, i) => BigInt(i)));
    expect(shared).toHaveLength(processes * perProcess * 2);
    // Both events of an append are adjacent: nobody interleaved into a transaction.
    for (let i = 0; i < shared.length; i += 2) {
      expect([shared[i]?.type, shared[i + 1]?.type]).toEqual(['TicketNoteAdded', 'TicketNoteRead']);
    }
    expect(await store.verify()).toEqual({ ok: true, checked: total });

    const seen = JSON.parse((await subscriber.lines()).at(-1) as string) as [string, string][];
    expect(seen).toEqual(log.map((event) => [event.position.toString(), event.id]));
    await store.close();
  }, 60_000);
});
