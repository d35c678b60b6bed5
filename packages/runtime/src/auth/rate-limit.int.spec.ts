import { randomUUID } from 'node:crypto';
import { redisInTests, titled } from '@hotline/testkit';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { accessOptions, addTestRoutes, keyring } from '../../test/support/access-fixtures.ts';
import { testServer } from '../../test/support/test-server.ts';
import type { RateLimitSettings } from './rate-limit.ts';

const { texts, directory } = keyring();
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function replica(rateLimit: RateLimitSettings) {
  const { app, logs } = await testServer({ access: accessOptions({ apiKeys: directory, rateLimit }) });
  addTestRoutes(app);
  await app.ready();
  closers.push(() => app.close());
  return { app, logs };
}

const audit = (key?: string) => ({
  method: 'GET' as const,
  url: '/audit/verify',
  ...(key === undefined ? {} : { headers: { 'x-api-key': key } }),
});

describe('rate limits in memory', () => {
  it('counts each key on its own, and answers a 429 problem with Retry-After past its budget', async () => {
    const { app, logs } = await replica({ max: 2, anonymousMax: 5, windowMs: 60_000 });
    expect((await app.inject(audit(texts.manager))).statusCode).toBe(200);
    expect((await app.inject(audit(texts.manager))).statusCode).toBe(200);
    const limited = await app.inject(audit(texts.manager));
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.json()).toMatchObject({
      type: 'urn:hotline:problem:access.rate_limited',
      status: 429,
      limit: 2,
      instance: '/audit/verify',
    });
    // Another key has its own budget, even from the same address.
    expect((await app.inject(audit(texts.auditor))).statusCode).toBe(200);
    expect(logs.find((line) => (line.access as { status?: number } | undefined)?.status === 429)).toMatchObject({
      access: { outcome: 'refused', route: 'GET /audit/verify', role: 'manager' },
    });
  });

  it('counts calls without valid credentials per address, wrong keys included', async () => {
    const { app } = await replica({ max: 100, anonymousMax: 3, windowMs: 60_000 });
    const statuses = [];
    for (const key of [undefined, 'hk_nope', `${texts.manager.slice(0, -1)}Z`, undefined]) {
      statuses.push((await app.inject(audit(key))).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect((await app.inject(audit(texts.manager))).statusCode).toBe(200);
  });

  it('leaves public routes out of the count', async () => {
    const { app } = await replica({ max: 1, anonymousMax: 1, windowMs: 60_000 });
    for (let probe = 0; probe < 5; probe += 1) {
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    }
  });
});

const redis = redisInTests();

describe.skipIf(!redis.available)(titled('rate limits on Redis', redis), () => {
  const clients: Redis[] = [];
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.quit()));
  });
  const client = () => {
    if (!redis.available) throw new Error(redis.reason);
    const created = new Redis(redis.endpoint.url, { maxRetriesPerRequest: 2 });
    clients.push(created);
    return created;
  };

  it('shares one budget per key between the replicas of a service', async () => {
    const namespace = `test:rate-limit:${randomUUID()}:`;
    const settings = { max: 3, anonymousMax: 3, windowMs: 60_000, namespace };
    const first = await replica({ ...settings, redis: client() });
    const second = await replica({ ...settings, redis: client() });
    const statuses = [];
    for (const app of [first.app, second.app, first.app, second.app]) {
      statuses.push((await app.inject(audit(texts.manager))).statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    const keys = await client().keys(`${namespace}*`);
    expect(keys.length).toBe(1);
    expect(keys[0]).not.toContain(texts.manager.slice(20));
    await client().del(...keys);
  });

  it('while in memory each replica would have let the fourth call through', async () => {
    const settings = { max: 3, anonymousMax: 3, windowMs: 60_000 };
    const first = await replica(settings);
    const second = await replica(settings);
    const statuses = [];
    for (const app of [first.app, second.app, first.app, second.app]) {
      statuses.push((await app.inject(audit(texts.manager))).statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 200]);
  });
});
