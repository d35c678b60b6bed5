import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from './sqlite-event-store.ts';

const workers = fileURLToPath(new URL('../../test/workers/', import.meta.url));
const directory = mkdtempSync(join(tmpdir(), 'eventstore-processes-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

interface Child {
  lines: Promise<string[]>;
  started: Promise<void>;
}

/** Runs a worker on this very Node.js (it strips the types itself) and collects its output lines. */
function run(worker: string, args: string[]): Child {
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', join(workers, worker), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let markStarted: () => void = () => {};
  const started = new Promise<void>((resolve) => {
    markStarted = resolve;
  });
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
    if (stdout.startsWith('ready\n')) markStarted();
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const lines = new Promise<string[]>((resolve, reject) => {
    child.on('exit', (code) => {
      markStarted();
      if (code === 0) resolve(stdout.trim().split('\n'));
      else reject(new Error(`${worker} exited with ${code}: ${stderr}`));
    });
  });
  return { lines, started };
}

describe('sqlite event store shared by processes', () => {
  it('never loses, duplicates or reorders events, and a subscriber elsewhere sees each exactly once', async () => {
    const file = join(directory, 'shared.sqlite');
    const [processes, perProcess, lanes] = [3, 150, 4];
    // Each append holds two events, once to the shared stream and once to the worker's own.
    const total = processes * perProcess * 2 * 2;
    await (await openSqliteStore({ file })).close();

    const subscriber = run('subscribe-worker.ts', [file, String(total)]);
    await subscriber.started;
    const appenders = Array.from({ length: processes }, (_, i) =>
      run('append-worker.ts', [file, `w${i}`, String(perProcess), String(lanes)]),
    );
    const summaries = (await Promise.all(appenders.map((appender) => appender.lines))).map((lines) =>
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

    const seen = JSON.parse((await subscriber.lines).at(-1) as string) as [string, string][];
    expect(seen).toEqual(log.map((event) => [event.position.toString(), event.id]));
    await store.close();
  }, 60_000);
});
