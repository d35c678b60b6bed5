import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testServer } from '../../test/support/test-server.ts';
import { ProblemError } from '../problems/problem-error.ts';

const ReceiveTicket = z.object({
  title: z.string().min(3).describe('What goes wrong, in a few words'),
  priority: z.enum(['P1', 'P2', 'P3']),
  contact: z.object({ email: z.email() }),
});

async function intake() {
  const server = await testServer({ bodyLimit: 256 });
  server.app.post(
    '/tickets',
    { schema: { body: ReceiveTicket, response: { 201: z.object({ id: z.string() }) } } },
    async (request, reply) => reply.code(201).send({ id: `t-${request.body.priority}` }),
  );
  server.app.put('/tickets/:id', async () => {
    throw new ProblemError({
      status: 409,
      title: 'Concurrent change',
      code: 'ticket.revision_conflict',
      detail: 'The ticket changed since you read it (revision 4, expected 3).',
      revision: 4,
    });
  });
  server.app.post('/tickets/:id/notes', async () => {
    // The event store's StoreBusyError, as the runtime sees it: a code and when to retry.
    throw Object.assign(new Error('Another process held the write lock of /var/lib/hotline/events.sqlite'), {
      code: 'eventstore.busy',
      retryAfterSeconds: 5,
    });
  });
  server.app.get('/boom', async () => {
    throw new Error('connection refused by esdb://admin:changeit@store:2113');
  });
  return server;
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
});

async function start() {
  const server = await intake();
  close = () => server.app.close();
  return server;
}

const validTicket = { title: 'Export fails', priority: 'P1', contact: { email: 'jeanne@example.fr' } };

describe('request and correlation ids', () => {
  it('generates a request id and uses it as correlation id when the caller sends none', async () => {
    const { app, logs } = await start();
    const response = await app.inject({ method: 'GET', url: '/healthz' });
    const requestId = response.headers['x-request-id'];
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers['x-correlation-id']).toBe(requestId);
    await app.inject({ method: 'POST', url: '/tickets', payload: validTicket });
    expect(logs.find((line) => line.msg === 'request completed')).toMatchObject({
      requestId: expect.any(String),
      correlationId: expect.any(String),
    });
  });

  it("honours the caller's ids, echoes them and binds them to the request's log lines", async () => {
    const { app, logs } = await start();
    const response = await app.inject({
      method: 'POST',
      url: '/tickets',
      headers: { 'x-request-id': 'req-42', 'x-correlation-id': 'story-7' },
      payload: validTicket,
    });
    expect(response.statusCode).toBe(201);
    expect(response.headers['x-request-id']).toBe('req-42');
    expect(response.headers['x-correlation-id']).toBe('story-7');
    const completed = logs.find((line) => line.msg === 'request completed');
    expect(completed).toMatchObject({
      requestId: 'req-42',
      correlationId: 'story-7',
      service: 'intake',
      res: { statusCode: 201 },
    });
  });

  it('replaces ids that could forge log lines or headers', async () => {
    const { app } = await start();
    const response = await app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'a"b c', 'x-correlation-id': 'x'.repeat(200) },
    });
    expect(response.headers['x-request-id']).not.toBe('a"b c');
    expect(response.headers['x-correlation-id']).toBe(response.headers['x-request-id']);
  });
});

describe('problem documents', () => {
  it('refuses a body that fails its zod schema with a 400 naming each field and the reason', async () => {
    const { app } = await start();
    const response = await app.inject({
      method: 'POST',
      url: '/tickets',
      payload: { title: 'Export fails', priority: 'P9', contact: { email: 'nope' } },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = response.json();
    expect(body).toMatchObject({
      type: 'urn:hotline:problem:validation',
      title: 'Request validation failed',
      status: 400,
      detail: 'Invalid body: priority, contact.email.',
      instance: '/tickets',
      requestId: response.headers['x-request-id'],
    });
    expect(body.errors).toEqual([
      expect.objectContaining({
        in: 'body',
        path: 'priority',
        code: 'invalid_value',
        message: expect.stringContaining('P1'),
      }),
      expect.objectContaining({ in: 'body', path: 'contact.email', code: 'invalid_format' }),
    ]);
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const { app } = await start();
    const response = await app.inject({
      method: 'POST',
      url: '/tickets',
      headers: { 'content-type': 'application/json' },
      payload: '{"title":',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ type: 'about:blank', title: 'Bad Request', status: 400 });
  });

  it('refuses a JSON string with an unpaired surrogate, which no store keeps as sent, naming the field', async () => {
    const { app } = await start();
    const post = (payload: string) =>
      app.inject({ method: 'POST', url: '/tickets', headers: { 'content-type': 'application/json' }, payload });
    const lone = await post('{"title": "Export \\ud800 fails", "priority": "P1", "contact": {"email": "a@b.fr"}}');
    expect(lone.statusCode).toBe(400);
    expect(lone.json()).toMatchObject({
      type: 'urn:hotline:problem:validation',
      errors: [{ in: 'body', path: 'title', code: 'invalid_unicode' }],
    });
    const inKey = await post('{"title": "Export", "priority": "P1", "contact": {"email": "a@b.fr", "\\udfff": 1}}');
    expect(inKey.json()).toMatchObject({ status: 400, errors: [{ path: 'contact.\udfff' }] });
    const paired = await post('{"title": "Export \\ud83d\\ude00", "priority": "P1", "contact": {"email": "a@b.fr"}}');
    expect(paired.statusCode).toBe(201);
    const poisoned = await post('{"__proto__": {"x": 1}, "title": "Export", "priority": "P1"}');
    expect(poisoned.statusCode).toBe(400);
  });

  it('answers an unknown route with a 404 problem', async () => {
    const { app } = await start();
    const response = await app.inject({ method: 'GET', url: '/nowhere?x=1' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'Nothing at GET /nowhere.',
      instance: '/nowhere',
    });
  });

  it('answers a known path with another method with a 405 problem and Allow', async () => {
    const { app } = await start();
    const response = await app.inject({ method: 'DELETE', url: '/tickets' });
    expect(response.statusCode).toBe(405);
    expect(response.headers.allow).toBe('POST');
    expect(response.json()).toMatchObject({ title: 'Method Not Allowed', status: 405 });
  });

  it('answers a body over the limit with a 413 problem', async () => {
    const { app } = await start();
    const response = await app.inject({
      method: 'POST',
      url: '/tickets',
      payload: { ...validTicket, title: 'x'.repeat(300) },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({
      type: 'about:blank',
      status: 413,
      detail: 'The request body exceeds the limit of 256 bytes.',
      limitBytes: 256,
    });
  });

  it('answers an unsupported media type with a 415 problem', async () => {
    const { app } = await start();
    const response = await app.inject({
      method: 'POST',
      url: '/tickets',
      headers: { 'content-type': 'application/xml' },
      payload: '<ticket/>',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ type: 'about:blank', title: 'Unsupported Media Type', status: 415 });
  });

  it("answers what Node's parser refuses before any route (headers too large, garbage) with a problem", async () => {
    const { app } = await start();
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as { port: number };
    const oversized = await rawExchange(port, `GET /tickets?${'q'.repeat(20_000)}=1 HTTP/1.1\r\nHost: a\r\n\r\n`);
    expect(oversized).toMatch(/^HTTP\/1\.1 431 /);
    expect(oversized).toMatch(/\r\nContent-Type: application\/problem\+json\r\n/i);
    expect(JSON.parse(oversized.split('\r\n\r\n')[1] ?? '')).toEqual({
      type: 'about:blank',
      title: 'Request Header Fields Too Large',
      status: 431,
      detail: 'The request line and headers exceed the size limit.',
    });
    const garbage = await rawExchange(port, 'NOT HTTP AT ALL\r\n\r\n');
    expect(garbage).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(garbage.split('\r\n\r\n')[1] ?? '')).toMatchObject({ status: 400, title: 'Bad Request' });
  });

  it('renders a thrown ProblemError as is, with its code and extension members', async () => {
    const { app } = await start();
    const response = await app.inject({ method: 'PUT', url: '/tickets/t-1', payload: {} });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({
      type: 'urn:hotline:problem:ticket.revision_conflict',
      title: 'Concurrent change',
      status: 409,
      code: 'ticket.revision_conflict',
      detail: 'The ticket changed since you read it (revision 4, expected 3).',
      revision: 4,
      instance: '/tickets/t-1',
      requestId: response.headers['x-request-id'],
    });
  });

  it('answers a passing failure (a busy store) with a 503 problem and Retry-After, and logs no stack', async () => {
    const { app, logs } = await start();
    const response = await app.inject({ method: 'POST', url: '/tickets/t-1/notes', payload: {} });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.json()).toEqual({
      type: 'urn:hotline:problem:eventstore.busy',
      title: 'Service Unavailable',
      status: 503,
      code: 'eventstore.busy',
      detail: 'The service is busy and did nothing of this request; retry in 5 s.',
      retryAfterSeconds: 5,
      instance: '/tickets/t-1/notes',
      requestId: response.headers['x-request-id'],
    });
    expect(response.body).not.toContain('sqlite');
    expect(logs.find((line) => line.msg === 'request failed')).toBeUndefined();
  });

  it('answers an unexpected error with a bare 500 problem and logs it with its stack', async () => {
    const { app, logs } = await start();
    const response = await app.inject({ method: 'GET', url: '/boom' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      detail: 'The request could not be completed.',
      instance: '/boom',
      requestId: response.headers['x-request-id'],
    });
    expect(response.body).not.toContain('changeit');
    expect(response.body).not.toContain('at ');
    const failure = logs.find((line) => line.msg === 'request failed');
    expect(failure).toMatchObject({ level: 'error', requestId: response.headers['x-request-id'] });
    expect(failure?.err).toMatchObject({ stack: expect.stringContaining('http-server.spec.ts') });
  });
});

/** Sends raw bytes and reads until the server closes: what a client below HTTP sees. */
function rawExchange(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(text));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}
