import { afterEach, describe, expect, it } from 'vitest';
import { testServer } from '../../test/support/test-server.ts';
import type { HttpServerOptions } from '../http/http-server.ts';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
});

async function start(options: Partial<HttpServerOptions> = {}) {
  const server = await testServer(options);
  close = () => server.app.close();
  return server;
}

const reachable = async () => {};

describe('/healthz', () => {
  it('answers 200 while the process runs, whatever the dependencies', async () => {
    const { app } = await start({ readiness: { store: () => Promise.reject(new Error('down')) } });
    const response = await app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'pass' });
  });
});

describe('/readyz', () => {
  it('answers 200 when every dependency answers', async () => {
    const { app } = await start({ readiness: { store: reachable, bus: reachable, 'read-models': reachable } });
    const response = await app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'pass',
      checks: { store: { status: 'pass' }, bus: { status: 'pass' }, 'read-models': { status: 'pass' } },
    });
  });

  it('shows the facts a probe found beside its check (the relay: whether it holds the lease)', async () => {
    const { app } = await start({ readiness: { store: reachable, relay: async () => ({ lease: 'waiting' }) } });
    const response = await app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      checks: { store: { status: 'pass' }, relay: { status: 'pass', lease: 'waiting' } },
    });
  });

  it('answers a 503 problem naming the failing and the silent dependencies, keeping causes in the logs', async () => {
    const { app, logs } = await start({
      readinessTimeoutMs: 50,
      readiness: {
        store: reachable,
        bus: () => Promise.reject(new Error('ECONNREFUSED kafka-1:9092')),
        'read-models': () => new Promise(() => {}),
      },
    });
    const response = await app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(503);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = response.json();
    expect(body).toMatchObject({
      type: 'urn:hotline:problem:not-ready',
      title: 'Service not ready',
      status: 503,
      detail: 'Unavailable: bus (failed), read-models (no answer within 50 ms).',
      failing: ['bus', 'read-models'],
      checks: {
        store: { status: 'pass' },
        bus: { status: 'fail', reason: 'error' },
        'read-models': { status: 'fail', reason: 'timeout' },
      },
    });
    expect(response.body).not.toContain('ECONNREFUSED');
    expect(logs).toContainEqual(
      expect.objectContaining({
        msg: 'dependency not ready',
        dependency: 'bus',
        err: expect.objectContaining({ message: 'ECONNREFUSED kafka-1:9092' }),
      }),
    );
  });

  it('keeps probe traffic out of the request logs', async () => {
    const { app, logs } = await start();
    await app.inject({ method: 'GET', url: '/readyz' });
    await app.inject({ method: 'GET', url: '/healthz' });
    expect(logs.filter((line) => line.msg === 'request completed')).toEqual([]);
  });
});
