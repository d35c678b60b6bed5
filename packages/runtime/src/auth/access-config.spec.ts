import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeConfig } from '../config/describe-config.ts';
import { ConfigError, loadConfig } from '../config/load-config.ts';
import { accessConfigShape, accessControlFromConfig } from './access-config.ts';
import { createApiKey, writeApiKeysFile } from './api-keys-file.ts';

const schema = z.object(accessConfigShape);
const load = (env: Record<string, string>) => accessControlFromConfig(loadConfig(schema, env));
const dir = mkdtempSync(join(tmpdir(), 'hotline-access-'));
const jwtEnv = { JWT_SECRET: 's'.repeat(32), JWT_ISSUER: 'https://login', JWT_AUDIENCE: 'hotline' };

function problemsOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('access control settings', () => {
  it('is on by default, so a process without keys nor a JWT key does not start', () => {
    expect(problemsOf(() => load({}))).toEqual([
      { variable: 'AUTH', reason: 'on needs API_KEYS_FILE or a JWT key (JWT_SECRET, JWT_KEY_FILE)' },
    ]);
  });

  it('reads nothing when turned off explicitly', () => {
    expect(load({ AUTH: 'off', API_KEYS_FILE: '/nowhere.json' })).toMatchObject({ enabled: false });
  });

  it('reads the keys file and the JWT settings when on', () => {
    const file = join(dir, 'keys.json');
    const { text, record } = createApiKey({ role: 'agent' }, new Date());
    writeApiKeysFile(file, { keys: [record] });
    const access = load({ AUTH: 'on', API_KEYS_FILE: file, ...jwtEnv, RATE_LIMIT_WINDOW: '10s' });
    expect(access).toMatchObject({ enabled: true, rateLimit: { max: 600, anonymousMax: 60, windowMs: 10_000 } });
    expect(access.apiKeys?.identify(text)).toMatchObject({ role: 'agent' });
    expect(access.jwt).toBeDefined();
    expect(access.publicPaths).toEqual(['/healthz', '/readyz', '/metrics', '/docs', '/docs/*']);
  });

  it('takes a PEM public key or a JSON Web Key Set from JWT_KEY_FILE', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const pem = join(dir, 'key.pem');
    const jwks = join(dir, 'keys.jwks.json');
    writeFileSync(pem, publicKey.export({ type: 'spki', format: 'pem' }));
    writeFileSync(jwks, JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'EdDSA' }] }));
    const signed = await new SignJWT({ role: 'agent' })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'k1' })
      .setIssuer('https://login')
      .setAudience('hotline')
      .setSubject('u-1')
      .setExpirationTime('1m')
      .sign(privateKey);
    for (const file of [pem, jwks]) {
      const access = load({ AUTH: 'on', JWT_KEY_FILE: file, JWT_ISSUER: 'https://login', JWT_AUDIENCE: 'hotline' });
      expect(await access.jwt?.verify(signed)).toMatchObject({ ok: true, identity: { role: 'agent' } });
    }
  });

  it('stops the start with one line naming each wrong setting, quoting no secret', () => {
    expect(problemsOf(() => load({ AUTH: 'on' }))).toEqual([
      {
        variable: 'AUTH',
        reason: 'on needs API_KEYS_FILE or a JWT key (JWT_SECRET, JWT_KEY_FILE)',
      },
    ]);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ keys: [{ id: 'x' }] }));
    const secret = 'a-secret-that-is-too-short';
    const problems = problemsOf(() =>
      load({ AUTH: 'on', API_KEYS_FILE: bad, JWT_SECRET: secret, JWT_KEY_FILE: join(dir, 'missing.pem') }),
    );
    expect(problems.map(({ variable }) => variable)).toEqual([
      'API_KEYS_FILE',
      'JWT_KEY_FILE',
      'JWT_ISSUER',
      'JWT_AUDIENCE',
    ]);
    expect(problems[0]?.reason).toContain('keys.0.id');
    expect(problems[1]?.reason).toContain('ENOENT');
    expect(JSON.stringify(problems)).not.toContain(secret);
    expect(problemsOf(() => load({ AUTH: 'on', ...jwtEnv, JWT_SECRET: secret }))).toEqual([
      { variable: 'JWT_SECRET', reason: 'the HS256 secret must be at least 32 characters' },
    ]);
  });

  it('documents every setting for the operations table, the JWT secret as a secret', () => {
    const rows = describeConfig(schema);
    expect(rows.map(({ name }) => name)).toEqual(Object.keys(accessConfigShape));
    expect(rows.find(({ name }) => name === 'JWT_SECRET')).toMatchObject({ secret: true });
    expect(rows.every(({ description }) => description !== undefined)).toBe(true);
  });
});
