import { EventEmitter } from 'node:events';
import { openSocket as openSocketTo } from '@hotline/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { captureLogs } from '../../test/support/log-capture.ts';
import { testServer } from '../../test/support/test-server.ts';
import { gracefulShutdown, type ProcessLike } from './graceful-shutdown.ts';

function fakeProcess() {
  const exits: number[] = [];
  const emitter = new EventEmitter();
  const host: ProcessLike = Object.assign(emitter, { exit: (code: number) => void exits.push(code) });
  return { host, exits, emitter };
}

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('gracefulShutdown', () => {
  it('on SIGTERM lets the in-flight request finish, then stops the steps in order and exits 0', async () => {
    const { app } = await testServer();
    const entered = deferred();
    const release = deferred();
    const order: string[] = [];
    app.post('/tickets', async () => {
      entered.resolve();
      await release.promise;
      order.push('request answered');
      return { id: 't-1' };
    });
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    cleanups.push(() => app.close());

    const { host, exits, emitter } = fakeProcess();
    const { logger, lines } = captureLogs('intake');
    const shutdown = gracefulShutdown({
      logger,
      timeoutMs: 5_000,
      process: host,
      steps: [
        { name: 'http', stop: () => app.close().then(() => void order.push('http')) },
        { name: 'consumers', stop: async () => void order.push('consumers') },
        { name: 'store', stop: async () => void order.push('store') },
      ],
    });
    cleanups.push(() => shutdown.dispose());

    const inFlight = fetch(`${address}/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    await entered.promise;
    emitter.emit('SIGTERM', 'SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(order).toEqual([]);
    expect(exits).toEqual([]);

    release.resolve();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: 't-1' });
    expect(await shutdown.shutdown('already running')).toBe(0);

    expect(order).toEqual(['request answered', 'http', 'consumers', 'store']);
    expect(exits).toEqual([0]);
    expect(lines.map((line) => [line.msg, line.step ?? line.reason])).toEqual([
      ['shutdown started', 'SIGTERM'],
      ['stopped', 'http'],
      ['stopped', 'consumers'],
      ['stopped', 'store'],
      ['shutdown complete', undefined],
    ]);
  });

  it('goes on with the next steps when one fails, and exits 1', async () => {
    const { host, exits } = fakeProcess();
    const { logger, lines } = captureLogs();
    const stopped: string[] = [];
    const shutdown = gracefulShutdown({
      logger,
      timeoutMs: 1_000,
      process: host,
      steps: [
        { name: 'consumers', stop: () => Promise.reject(new Error('broker gone')) },
        { name: 'store', stop: async () => void stopped.push('store') },
      ],
    });
    cleanups.push(() => shutdown.dispose());
    expect(await shutdown.shutdown('fatal error')).toBe(1);
    expect(stopped).toEqual(['store']);
    expect(exits).toEqual([1]);
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'failed to stop', step: 'consumers', level: 'error' }));
  });

  it('exits 1 naming the step still running when the timeout passes', async () => {
    const { host, exits } = fakeProcess();
    const { logger, lines } = captureLogs();
    const shutdown = gracefulShutdown({
      logger,
      timeoutMs: 30,
      process: host,
      steps: [
        { name: 'http', stop: async () => {} },
        { name: 'relay', stop: () => new Promise(() => {}) },
        { name: 'store', stop: async () => {} },
      ],
    });
    cleanups.push(() => shutdown.dispose());
    expect(await shutdown.shutdown('SIGTERM')).toBe(1);
    expect(exits).toEqual([1]);
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'shutdown timed out, exiting', step: 'relay', timeoutMs: 30 }),
    );
  });

  it('exits 0 before the timeout with a preconnected socket, a half-sent request and a used keep-alive connection', async () => {
    const { app } = await testServer();
    app.get('/reports/activity-report/:year', async () => ({ year: 2026 }));
    const address = new URL(await app.listen({ host: '127.0.0.1', port: 0 }));
    cleanups.push(() => app.close());
    const port = Number(address.port);
    // What a browser leaves open: a socket opened ahead of need, one stalled in its headers, and
    // one kept alive after a request answered and read to its end.
    const preconnected = await openSocket(port);
    const halfSent = await openSocket(port);
    halfSent.write('GET /reports/activity-report/2026 HTTP/1.1\r\nHost: hotline\r\n');
    const used = await openSocket(port);
    const answered = new Promise<string>((resolve) => used.once('data', (chunk) => resolve(chunk.toString('utf8'))));
    used.write('GET /reports/activity-report/2026 HTTP/1.1\r\nHost: hotline\r\nConnection: keep-alive\r\n\r\n');
    expect(await answered).toContain('"year":2026');

    const cutOff = [preconnected, halfSent, used].map(
      (socket) => new Promise((resolve) => socket.resume().once('close', resolve)),
    );
    const { host, exits, emitter } = fakeProcess();
    const { logger, lines } = captureLogs();
    // Generous, far below a client's own give-up (a minute and more): the exit code says which came first.
    const shutdown = gracefulShutdown({
      logger,
      timeoutMs: 10_000,
      process: host,
      steps: [{ name: 'http', stop: () => app.close() }],
    });
    cleanups.push(() => shutdown.dispose());
    emitter.emit('SIGTERM', 'SIGTERM');
    expect(await shutdown.shutdown('already running')).toBe(0);
    expect(exits).toEqual([0]);
    expect(lines).not.toContainEqual(expect.objectContaining({ msg: 'shutdown timed out, exiting' }));
    // Each one let go by the server, not left to its client.
    await Promise.all(cutOff);
  });

  it('cuts a hung in-flight request at the deadline, exiting 1 and naming the HTTP step', async () => {
    const { app } = await testServer();
    const entered = deferred();
    app.get('/hung', async () => {
      entered.resolve();
      await new Promise(() => {});
    });
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const { host, exits, emitter } = fakeProcess();
    const { logger, lines } = captureLogs();
    const shutdown = gracefulShutdown({
      logger,
      timeoutMs: 300,
      process: host,
      steps: [{ name: 'http', stop: () => app.close() }],
    });
    cleanups.push(() => shutdown.dispose());
    const hung = fetch(`${address}/hung`).catch((error: unknown) => error);
    await entered.promise;
    emitter.emit('SIGTERM', 'SIGTERM');
    expect(await shutdown.shutdown('already running')).toBe(1);
    expect(exits).toEqual([1]);
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'shutdown timed out, exiting', step: 'http', timeoutMs: 300 }),
    );
    // The process would exit here; the test cuts the connection itself.
    app.server.closeAllConnections();
    await expect(hung).resolves.toBeInstanceOf(Error);
  });

  it('exits at once on a second signal', async () => {
    const { host, exits, emitter } = fakeProcess();
    const { logger, lines } = captureLogs();
    const shutdown = gracefulShutdown({
      logger,
      timeoutMs: 5_000,
      process: host,
      steps: [{ name: 'consumers', stop: () => new Promise(() => {}) }],
    });
    cleanups.push(() => shutdown.dispose());
    emitter.emit('SIGTERM', 'SIGTERM');
    emitter.emit('SIGINT', 'SIGINT');
    expect(exits).toEqual([1]);
    expect(lines.at(-1)).toMatchObject({ msg: 'second signal during shutdown, exiting now', signal: 'SIGINT' });
  });

  it('removes its handlers when disposed', () => {
    const { host, emitter } = fakeProcess();
    const shutdown = gracefulShutdown({ logger: captureLogs().logger, timeoutMs: 10, process: host, steps: [] });
    expect(emitter.listenerCount('SIGTERM')).toBe(1);
    shutdown.dispose();
    expect(emitter.listenerCount('SIGTERM')).toBe(0);
    expect(emitter.listenerCount('SIGINT')).toBe(0);
  });
});

const openSocket = (port: number) => openSocketTo(port, cleanups);
