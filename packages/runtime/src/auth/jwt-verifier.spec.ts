import { generateKeyPairSync } from 'node:crypto';
import { exportJWK, type JWTPayload, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { JwtVerifier } from './jwt-verifier.ts';

const secret = 'a-dashboard-secret-of-32-characters!';
const issuer = 'https://login.example.fr';
const audience = 'hotline-dashboard';
const nowSec = () => Math.floor(Date.now() / 1000);

function sign(
  claims: JWTPayload,
  key: Parameters<SignJWT['sign']>[0] = Buffer.from(secret),
  alg = 'HS256',
  kid?: string,
) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg, ...(kid === undefined ? {} : { kid }) })
    .setIssuer(issuer)
    .setAudience(audience)
    .setSubject('u-42')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(key);
}

const manager = { role: 'manager' };

describe('JWT bearer tokens', () => {
  const verifier = new JwtVerifier({ secret, issuer, audience });

  it('gives the subject, role and scope of a valid HS256 token', async () => {
    expect(await verifier.verify(await sign(manager))).toEqual({
      ok: true,
      identity: { via: 'jwt', id: 'u-42', role: 'manager' },
    });
    expect(await verifier.verify(await sign({ role: 'client', clients: ['acme'] }))).toMatchObject({
      ok: true,
      identity: { role: 'client', clients: ['acme'] },
    });
  });

  it('refuses an expired token as expired, and one not yet valid, beyond the clock tolerance', async () => {
    const expired = await new SignJWT(manager)
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject('u-42')
      .setExpirationTime(nowSec() - 60)
      .sign(Buffer.from(secret));
    expect(await verifier.verify(expired)).toEqual({ ok: false, reason: 'expired', detail: 'the token has expired' });
    const early = await sign({ ...manager, nbf: nowSec() + 120 });
    expect(await verifier.verify(early)).toEqual({
      ok: false,
      reason: 'invalid',
      detail: expect.stringContaining('nbf'),
    });
  });

  it('refuses a bad signature, another issuer or audience, a token without expiry or role', async () => {
    const forged = await sign(manager, Buffer.from('another-secret-of-at-least-32-chars!!'));
    expect(await verifier.verify(forged)).toEqual({ ok: false, reason: 'invalid', detail: 'bad signature' });
    const tampered = (await sign({ role: 'agent' })).split('.');
    const [header, , signature] = tampered;
    const payload = Buffer.from(
      JSON.stringify({ role: 'manager', sub: 'u-42', iss: issuer, aud: audience, exp: nowSec() + 60 }),
    ).toString('base64url');
    expect(await verifier.verify(`${header}.${payload}.${signature}`)).toMatchObject({
      ok: false,
      detail: 'bad signature',
    });
    const elsewhere = await new SignJWT(manager)
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('https://evil.example')
      .setAudience(audience)
      .setSubject('u-42')
      .setExpirationTime('5m')
      .sign(Buffer.from(secret));
    expect(await verifier.verify(elsewhere)).toMatchObject({ ok: false, detail: expect.stringContaining('iss') });
    const noExpiry = await new SignJWT(manager)
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject('u-42')
      .sign(Buffer.from(secret));
    expect(await verifier.verify(noExpiry)).toMatchObject({ ok: false, detail: expect.stringContaining('exp') });
    expect(await verifier.verify(await sign({ role: 'root' }))).toMatchObject({
      ok: false,
      detail: expect.stringContaining('role'),
    });
    expect(await verifier.verify(await sign({ role: 'client' }))).toMatchObject({
      ok: false,
      detail: 'claim role: a client needs its clients',
    });
    expect(await verifier.verify('not.a.token')).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('refuses unsigned tokens (alg none)', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({ ...manager, sub: 'u-42', iss: issuer, aud: audience, exp: nowSec() + 60 }),
    ).toString('base64url');
    expect(await verifier.verify(`${header}.${payload}.`)).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('verifies RS256, ES256 and EdDSA tokens against a PEM public key, and never an HS256 token signed with its bytes', async () => {
    for (const [type, alg, options] of [
      ['rsa', 'RS256', { modulusLength: 2048 }],
      ['ec', 'ES256', { namedCurve: 'P-256' }],
      ['ed25519', 'EdDSA', {}],
    ] as const) {
      const { publicKey, privateKey } = generateKeyPairSync(type as 'rsa', options as { modulusLength: number });
      const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
      const byKey = new JwtVerifier({ publicKeyPem, issuer, audience });
      expect(await byKey.verify(await sign(manager, privateKey, alg))).toMatchObject({ ok: true });
      // Algorithm confusion: the public key's PEM text used as an HMAC secret.
      const confused = await sign(manager, Buffer.from(publicKeyPem), 'HS256');
      expect(await byKey.verify(confused)).toMatchObject({ ok: false, reason: 'invalid' });
    }
  });

  it('verifies tokens against a JWKS by key id', async () => {
    const first = generateKeyPairSync('ed25519');
    const second = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwks = {
      keys: [
        { ...(await exportJWK(first.publicKey)), kid: 'one', alg: 'EdDSA' },
        { ...(await exportJWK(second.publicKey)), kid: 'two', alg: 'ES256' },
      ],
    };
    const byJwks = new JwtVerifier({ jwks, issuer, audience });
    expect(await byJwks.verify(await sign(manager, first.privateKey, 'EdDSA', 'one'))).toMatchObject({ ok: true });
    expect(await byJwks.verify(await sign(manager, second.privateKey, 'ES256', 'two'))).toMatchObject({ ok: true });
    const stranger = generateKeyPairSync('ed25519');
    expect(await byJwks.verify(await sign(manager, stranger.privateKey, 'EdDSA', 'one'))).toMatchObject({
      ok: false,
      detail: 'bad signature',
    });
    expect(await byJwks.verify(await sign(manager, Buffer.from(secret)))).toMatchObject({ ok: false });
  });

  it('keeps a verified token until its expiry, then refuses it as expired', async () => {
    let now = Date.now();
    const cached = new JwtVerifier({ secret, issuer, audience }, () => now);
    const expiring = await new SignJWT(manager)
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject('u-42')
      .setExpirationTime(Math.floor(now / 1000) + 60)
      .sign(Buffer.from(secret));
    expect(await cached.verify(expiring)).toMatchObject({ ok: true });
    now += 30_000;
    expect(await cached.verify(expiring)).toMatchObject({ ok: true, identity: { role: 'manager' } });
    now += 40_000;
    expect(await cached.verify(expiring)).toEqual({ ok: false, reason: 'expired', detail: 'the token has expired' });
    // A verdict is per token text: a forged twin is checked, not found in the cache.
    const [header, payload, signature] = expiring.split('.');
    expect(await cached.verify(`${header}.${payload}.${signature?.slice(0, -2)}AA`)).toMatchObject({ ok: false });
  });

  it('refuses to be built without a key or with a short secret', () => {
    expect(() => new JwtVerifier({ issuer, audience })).toThrow('needs a secret');
    expect(() => new JwtVerifier({ secret: 'short', issuer, audience })).toThrow('at least 32 characters');
  });
});
