import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { writeNewApiKeys } from '@hotline/runtime';
import { openSocket as openSocketTo } from '@hotline/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { runProcess } from './run-process.ts';

const fixture = join(import.meta.dirname, 'shutdown-fixture.ts');

type LogLine = { msg: string; url?: string; step?: string; exitCode?: number };

/** Access control as by default: a keys file in the process's folder, and a manager's key to call with. */
function managerKey(dir: string) {
  const file = join(dir, 'api-keys.json');
  const { manager } = writeNewApiKeys(file, { manager: { role: 'manager' } }, new Date());
  return { env: { AUTH: 'on', API_KEYS_FILE: file }, headers: { 'x-api-key': manager } };
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The fixture process, its log lines as they come, its URL once it listens and its exit code. */
async function startProcess(shutdownTimeoutMs: number) {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-shutdown-'));
  const access = managerKey(dir);
  const child: ChildProcess = spawn(process.execPath, [fixture], {
    env: {
      ...process.env,
      ...access.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      SHUTDOWN_TIMEOUT: String(shutdownTimeoutMs),
      SQLITE_FILE: join(dir, 'store.sqlite'),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  cleanups.push(() => {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });
  const lines: LogLine[] = [];
  const waiters: { msg: string; resolve: (line: LogLine) => void }[] = [];
  createInterface({ input: child.stdout! }).on('line', (text) => {
    const line = JSON.parse(text) as LogLine;
    lines.push(line);
    for (const waiter of waiters.filter((waiter) => line.msg === waiter.msg)) waiter.resolve(line);
  });
  const logged = (msg: string) =>
    new Promise<LogLine>((resolve) => {
      const seen = lines.find((line) => line.msg === msg);
      if (seen) resolve(seen);
      else waiters.push({ msg, resolve });
    });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const listening = await Promise.race([logged('shutdown-test listening'), exited]);
  if (typeof listening !== 'object' || listening === null) throw new Error(`exited with ${listening} before listening`);
  return { child, url: new URL(listening.url!), headers: access.headers, lines, logged, exited };
}

const openSocket = (port: number) => openSocketTo(port, cleanups);

describe('a process on SIGTERM', () => {
  it('exits 0 before SHUTDOWN_TIMEOUT with connections a browser and a Node client leave open', async () => {
    const started = await startProcess(10_000);
    const port = Number(started.url.port);
    // A socket opened ahead of need (Chromium's preconnect), one stalled in its headers, and a
    // keep-alive connection after a report answered and read to its end.
    await openSocket(port);
    (await openSocket(port)).write('GET /reports/activity-report/2026 HTTP/1.1\r\nHost: hotline\r\n');
    const report = await fetch(new URL('/reports/activity-report/2026', started.url), { headers: started.headers });
    await expect(report.json()).resolves.toEqual({ year: 2026 });

    started.child.kill('SIGTERM');
    // Before the fix, the deadline passed first: exit 1 after 10 s, "shutdown timed out" on the HTTP step.
    await expect(started.exited).resolves.toBe(0);
    expect(started.lines).toContainEqual(expect.objectContaining({ msg: 'shutdown complete', exitCode: 0 }));
    expect(started.lines).not.toContainEqual(expect.objectContaining({ msg: 'shutdown timed out, exiting' }));
  }, 30_000);

  it('cuts a hung request at SHUTDOWN_TIMEOUT, exiting 1 and naming the HTTP step', async () => {
    const started = await startProcess(1_000);
    const hung = fetch(new URL('/hung', started.url), { headers: started.headers }).catch((error: unknown) => error);
    await started.logged('hung request entered');

    started.child.kill('SIGTERM');
    await expect(started.exited).resolves.toBe(1);
    expect(started.lines).toContainEqual(expect.objectContaining({ msg: 'shutdown timed out, exiting', step: 'http' }));
    await expect(hung).resolves.toBeInstanceOf(Error);
  }, 30_000);
});

describe("an embedded process's stop()", () => {
  it('rejects at SHUTDOWN_TIMEOUT naming the step that hangs, then stops the rest once it settles', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hotline-stop-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const stopped: string[] = [];
    const running = await runProcess({
      name: 'stop-test',
      description: 'stop within the deadline',
      services: () => [
        {
          name: 'stuck consumer',
          registerRoutes() {},
          start: async () => {},
          stop: () => released.then(() => void stopped.push('stuck consumer')),
        },
      ],
      env: {
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        SHUTDOWN_TIMEOUT: '300',
        SQLITE_FILE: join(dir, 'store.sqlite'),
        ...managerKey(dir).env,
      },
    });
    await expect(running.stop()).rejects.toThrow('stopping took longer than 300 ms, still at step "stuck consumer"');
    release();
    await released;
    await expect(fetch(running.url)).rejects.toThrow();
    expect(stopped).toEqual(['stuck consumer']);
  });
});
