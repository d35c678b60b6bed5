import { scryptSync } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseApiKey } from '../src/auth/api-key.ts';
import { accessOptions, addTestRoutes, keyring, token } from '../test/support/access-fixtures.ts';
import { testServer } from '../test/support/test-server.ts';

export interface AccessBenchOptions {
  /** Requests per configuration and round. */
  readonly requests: number;
  readonly rounds: number;
}

async function timePerCall(calls: number, work: () => unknown | Promise<unknown>): Promise<number> {
  const begun = process.hrtime.bigint();
  for (let call = 0; call < calls; call += 1) await work();
  return Number(process.hrtime.bigint() - begun) / 1_000 / calls;
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/**
 * What access control costs a request, as ratios to the same request with access control off,
 * measured in the same run and interleaved by round; and what a slow hash (scrypt's defaults)
 * would cost per key check next to the keyed hash the keys file uses.
 */
export async function accessBench({ requests, rounds }: AccessBenchOptions): Promise<void> {
  const { texts, directory } = keyring();
  const [one, five, fifteen] = loadavg();
  console.log(
    `access control bench: ${requests} requests × ${rounds} rounds; load ${one?.toFixed(2)} ${five?.toFixed(2)} ${fifteen?.toFixed(2)}`,
  );

  const secret = parseApiKey(texts.manager)?.secret ?? '';
  const hmacUs = median(
    await Promise.all([0, 1, 2].map(() => timePerCall(20_000, () => directory.identify(texts.manager)))),
  );
  const scryptUs = await timePerCall(20, () => scryptSync(secret, 'salt-of-sixteen!', 32));
  console.log(
    `key check: keyed hash ${hmacUs.toFixed(1)} µs, scrypt (N=16384) ${(scryptUs / 1000).toFixed(1)} ms: ×${(scryptUs / hmacUs).toFixed(0)}`,
  );

  const off = await testServer({});
  const on = await testServer({
    access: accessOptions({ apiKeys: directory, rateLimit: { max: 1e9, anonymousMax: 1e9, windowMs: 60_000 } }),
  });
  for (const { app } of [off, on]) {
    addTestRoutes(app);
    await app.ready();
  }
  const bearer = `Bearer ${await token({ role: 'manager' }, '1h')}`;
  const clientKey = texts.client;
  const configurations: [string, () => Promise<unknown>][] = [
    ['off', () => off.app.inject({ method: 'GET', url: '/audit/verify' })],
    ['api key', () => on.app.inject({ method: 'GET', url: '/audit/verify', headers: { 'x-api-key': texts.manager } })],
    ['jwt HS256', () => on.app.inject({ method: 'GET', url: '/audit/verify', headers: { authorization: bearer } })],
    [
      'client, ticket scope',
      () => on.app.inject({ method: 'GET', url: '/tickets/t-acme', headers: { 'x-api-key': clientKey } }),
    ],
  ];
  const samples = new Map<string, number[]>(configurations.map(([name]) => [name, []]));
  for (let round = 0; round < rounds; round += 1) {
    for (const [name, call] of configurations) samples.get(name)?.push(await timePerCall(requests, call));
  }
  const baseline = median(samples.get('off') ?? []);
  for (const [name] of configurations) {
    const perCall = median(samples.get(name) ?? []);
    console.log(
      `${name.padEnd(22)} ${perCall.toFixed(1).padStart(7)} µs/request  ×${(perCall / baseline).toFixed(2)} of off`,
    );
  }
  await off.app.close();
  await on.app.close();
}
