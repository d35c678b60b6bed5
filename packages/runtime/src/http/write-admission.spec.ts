import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testServer } from '../../test/support/test-server.ts';
import type { HttpServer } from './http-server.ts';
import { WriteTurns } from './write-admission.ts';

/** A server whose writes each wait until the test lets them finish, and which records the order they ran in. */
async function slowWrites(writeAdmission: { concurrency: number; queueLimit: number }) {
  const { app } = await testServer({ writeAdmission });
  const started: string[] = [];
  const finish = new Map<string, () => void>();
  app.post('/notes', { schema: { body: z.object({ id: z.string().min(1) }) } }, async (request, reply) => {
    const { id } = request.body;
    started.push(id);
    await new Promise<void>((resolve) => finish.set(id, resolve));
    return reply.code(201).send({ id });
  });
  app.post('/failing', async () => {
    throw new Error('the handler failed');
  });
  app.get('/notes', async () => ({ started }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  servers.push(app);
  const post = (id: string) => app.inject({ method: 'POST', url: '/notes', payload: { id } });
  return { app, started, finish: (id: string) => finish.get(id)?.(), post };
}

const servers: HttpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((app) => app.close()));
});

/** Lets the loop run the hooks and handlers that are ready. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

const metric = async (app: HttpServer, name: string) =>
  (await app.metrics.registry.getSingleMetric(name)?.get())?.values[0]?.value;

describe('writes admitted a few at a time', () => {
  it('runs at most `concurrency` writes at once, the next in the order they came', async () => {
    const { app, started, finish, post } = await slowWrites({ concurrency: 2, queueLimit: 10 });
    const answers = ['a', 'b', 'c', 'd'].map((id) => post(id));
    await settle();
    expect(started).toEqual(['a', 'b']);
    expect(await metric(app, 'hotline_http_writes_waiting')).toBe(2);
    finish('b');
    await settle();
    expect(started).toEqual(['a', 'b', 'c']);
    finish('a');
    finish('c');
    await settle();
    finish('d');
    expect((await Promise.all(answers)).map((answer) => answer.statusCode)).toEqual([201, 201, 201, 201]);
    expect(started).toEqual(['a', 'b', 'c', 'd']);
  });

  it('answers reads while every turn is taken', async () => {
    const { app, finish, post } = await slowWrites({ concurrency: 1, queueLimit: 10 });
    const writes = [post('a'), post('b')];
    await settle();
    const read = await app.inject({ method: 'GET', url: '/notes' });
    expect(read.json()).toEqual({ started: ['a'] });
    finish('a');
    await settle();
    finish('b');
    await Promise.all(writes);
  });

  it('refuses a write with a 503 problem and Retry-After once the queue is full, having done nothing of it', async () => {
    const { app, started, finish, post } = await slowWrites({ concurrency: 1, queueLimit: 1 });
    const [a, b] = [post('a'), post('b')];
    await settle();
    const refused = await post('c');
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.json()).toMatchObject({ status: 503, code: 'http.writes_overloaded' });
    expect(await metric(app, 'hotline_http_writes_refused_total')).toBe(1);
    finish('a');
    await settle();
    finish('b');
    await Promise.all([a, b]);
    expect(started).toEqual(['a', 'b']);
  });

  it('takes no turn for a write refused by validation, and frees the turn of a write that failed', async () => {
    const { app, finish, post } = await slowWrites({ concurrency: 1, queueLimit: 0 });
    expect((await app.inject({ method: 'POST', url: '/failing', payload: {} })).statusCode).toBe(500);
    const a = post('a');
    await settle();
    // The only turn is a's and nobody may wait: an invalid body is still told so, not refused as busy.
    expect((await post('')).statusCode).toBe(400);
    expect((await post('b')).statusCode).toBe(503);
    finish('a');
    expect((await a).statusCode).toBe(201);
    const b = post('b');
    await settle();
    finish('b');
    expect((await b).statusCode).toBe(201);
  });

  it('frees the turn of a client gone mid-write, and never starts a write whose client left while it waited', async () => {
    const { app, started, finish, post } = await slowWrites({ concurrency: 1, queueLimit: 10 });
    const { port } = app.server.address() as AddressInfo;
    const leaving = (id: string) => {
      const request = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/notes' });
      request.on('error', () => {});
      request.setHeader('content-type', 'application/json');
      request.end(JSON.stringify({ id }));
      return () => request.destroy();
    };
    const leaveA = leaving('a');
    await settle();
    const leaveB = leaving('b');
    await settle();
    expect(started).toEqual(['a']);
    leaveB();
    await settle();
    leaveA();
    await settle();
    const c = post('c');
    await settle();
    expect(started).toEqual(['a', 'c']);
    finish('c');
    expect((await c).statusCode).toBe(201);
    expect(await metric(app, 'hotline_http_writes_waiting')).toBe(0);
  });

  it('admits every write at once when the concurrency is 0', async () => {
    const { started, finish, post } = await slowWrites({ concurrency: 0, queueLimit: 0 });
    const answers = ['a', 'b', 'c'].map((id) => post(id));
    await settle();
    expect(started).toEqual(['a', 'b', 'c']);
    for (const id of ['a', 'b', 'c']) finish(id);
    await Promise.all(answers);
  });
});

describe('the turns', () => {
  const nextTurnOfTheLoop = () => new Promise((resolve) => setImmediate(resolve));

  it('hands the turns freed to the next still waiting, together on the next turn of the loop, skipping those withdrawn', async () => {
    const turns = new WriteTurns(2);
    const ran: string[] = [];
    const endA = turns.take(() => ran.push('a'));
    const endB = turns.take(() => ran.push('b'));
    const leaveC = turns.take(() => ran.push('c'));
    const endD = turns.take(() => ran.push('d'));
    const endE = turns.take(() => ran.push('e'));
    expect([turns.running, turns.waiting]).toEqual([2, 3]);
    leaveC();
    expect(turns.waiting).toBe(2);
    endA();
    endB();
    expect(ran).toEqual(['a', 'b']);
    await nextTurnOfTheLoop();
    expect(ran).toEqual(['a', 'b', 'd', 'e']);
    // Ending a turn twice, or after it was withdrawn, changes nothing.
    endA();
    leaveC();
    await nextTurnOfTheLoop();
    expect([turns.running, turns.waiting]).toEqual([2, 0]);
    endD();
    endE();
    expect([turns.running, turns.waiting]).toEqual([0, 0]);
  });

  it('keeps the order over a long queue drained and refilled', async () => {
    const turns = new WriteTurns(3);
    const ran: number[] = [];
    const ends: (() => void)[] = [];
    for (let i = 0; i < 100; i++) ends.push(turns.take(() => ran.push(i)));
    for (let i = 0; i < 50; i++) {
      ends[i]?.();
      if (i % 3 === 2) await nextTurnOfTheLoop();
    }
    for (let i = 100; i < 150; i++) ends.push(turns.take(() => ran.push(i)));
    for (let i = 50; i < 150; i++) {
      await nextTurnOfTheLoop();
      ends[i]?.();
    }
    await nextTurnOfTheLoop();
    expect(ran).toEqual(Array.from({ length: 150 }, (_, i) => i));
    expect([turns.running, turns.waiting]).toEqual([0, 0]);
  });
});
