import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * An API key reads `hk_<id>_<secret>`: 16 hex characters of id (public: it names the key in the keys
 * file and in the logs, so a lookup is one map access, never a scan), and 32 random bytes of secret
 * in base64url. The `hk_` prefix lets secret scanners recognise a leaked key.
 *
 * The file keeps HMAC-SHA-256(salt, secret), a keyed hash with a random salt per key, rather than
 * scrypt or argon2: those slow hashes exist to make guessing a *password* expensive, and a 256-bit
 * random secret cannot be guessed at any speed. A slow hash would only cost every request tens of
 * milliseconds of CPU (scrypt's default) and hand a flood of bad keys a lever on the service. The
 * salt keeps two files holding the same secret from showing it.
 */
const KEY_TEXT = /^hk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export interface ParsedApiKey {
  readonly id: string;
  readonly secret: string;
}

export interface HashedSecret {
  /** base64url, 16 random bytes. */
  readonly salt: string;
  /** base64url HMAC-SHA-256 of the secret keyed by the salt. */
  readonly hash: string;
}

export function parseApiKey(text: string): ParsedApiKey | undefined {
  const match = KEY_TEXT.exec(text.trim());
  return match ? { id: match[1] as string, secret: match[2] as string } : undefined;
}

/** A new key: its text (shown once) and what is stored of it. */
export function generateApiKey(): { readonly text: string; readonly id: string } & HashedSecret {
  const id = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { text: `hk_${id}_${secret}`, id, ...hashSecret(secret) };
}

export function hashSecret(secret: string, salt: string = randomBytes(16).toString('base64url')): HashedSecret {
  return { salt, hash: digest(salt, secret).toString('base64url') };
}

/** Constant-time comparison: how long it takes says nothing of how much of the secret was right. */
export function secretMatches(secret: string, stored: HashedSecret): boolean {
  const expected = Buffer.from(stored.hash, 'base64url');
  const actual = digest(stored.salt, secret);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

function digest(salt: string, secret: string): Buffer {
  return createHmac('sha256', Buffer.from(salt, 'base64url')).update(secret).digest();
}
