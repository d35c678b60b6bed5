import { createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';
import {
  createLocalJWKSet,
  errors,
  type JSONWebKeySet,
  type JWSHeaderParameters,
  type JWTVerifyGetKey,
  jwtVerify,
} from 'jose';
import { z } from 'zod';
import { type Identity, Role, scopeFields, scopeProblem } from './identity.ts';

export interface JwtSettings {
  /** HS256 shared secret (at least 32 characters: HS256 is only as strong as its secret). */
  readonly secret?: string;
  /** A PEM public key (SPKI): RSA (RS256), EC P-256/384/521 (ES256/384/512) or Ed25519 (EdDSA). */
  readonly publicKeyPem?: string;
  /** A JSON Web Key Set, e.g. the identity provider's keys saved to a file. */
  readonly jwks?: JSONWebKeySet;
  readonly issuer: string;
  readonly audience: string;
  /** Leeway on `exp` and `nbf` for clocks that drift apart, in seconds. */
  readonly clockToleranceSec?: number;
}

/** Why a token was refused; `expired` is the one a dashboard acts on (renew and retry). */
export type TokenRefusal = 'expired' | 'invalid';

export type TokenCheck =
  | { readonly ok: true; readonly identity: Identity }
  | { readonly ok: false; readonly reason: TokenRefusal; readonly detail: string };

/**
 * What a dashboard token says of its holder: `sub` (an opaque id, logged with every decision),
 * `role`, and the role's scope (`clients` for a client, `system` for a system).
 */
const TokenClaims = z
  .looseObject({ sub: z.string().trim().min(1), role: Role, ...scopeFields })
  .superRefine((claims, ctx) => {
    const problem = scopeProblem(claims);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem, path: ['role'] });
  });

const ASYMMETRIC = ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];

/** The algorithm a PEM key signs with: fixed by the key, so a token cannot choose a weaker one. */
function algorithmOf(key: KeyObject): string {
  const curve = key.asymmetricKeyDetails?.namedCurve;
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return 'RS256';
    case 'ed25519':
      return 'EdDSA';
    case 'ec':
      if (curve === 'prime256v1') return 'ES256';
      if (curve === 'secp384r1') return 'ES384';
      if (curve === 'secp521r1') return 'ES512';
      break;
  }
  throw new Error(`unsupported public key (${key.asymmetricKeyType ?? 'unknown'} ${curve ?? ''})`.trim());
}

/** Verified tokens kept, so a dashboard's repeated calls cost a map lookup rather than a signature check. */
const CACHED_TOKENS = 1_000;

export class JwtVerifier {
  readonly #verified = new Map<string, { readonly identity: Identity; readonly expiresAtMs: number }>();
  readonly #now: () => number;
  readonly #getKey: JWTVerifyGetKey;
  readonly #algorithms: readonly string[];
  readonly #settings: JwtSettings;

  constructor(settings: JwtSettings, now: () => number = Date.now) {
    this.#now = now;
    if (settings.secret === undefined && settings.publicKeyPem === undefined && settings.jwks === undefined) {
      throw new Error('a JWT verifier needs a secret, a public key or a JWKS');
    }
    if (settings.secret !== undefined && settings.secret.length < 32) {
      throw new Error('the HS256 secret must be at least 32 characters');
    }
    this.#settings = settings;
    const secret = settings.secret === undefined ? undefined : createSecretKey(Buffer.from(settings.secret, 'utf8'));
    const publicKey = settings.publicKeyPem === undefined ? undefined : createPublicKey(settings.publicKeyPem);
    const publicAlgorithm = publicKey === undefined ? undefined : algorithmOf(publicKey);
    const jwks = settings.jwks === undefined ? undefined : createLocalJWKSet(settings.jwks);
    this.#algorithms = [
      ...(secret === undefined ? [] : ['HS256']),
      ...(publicAlgorithm === undefined ? [] : [publicAlgorithm]),
      ...(jwks === undefined ? [] : ASYMMETRIC),
    ];
    // The key follows the token's algorithm, within those allowed above: an HS256 token is never
    // checked against a public key's bytes (the classic algorithm confusion), nor `none` accepted.
    this.#getKey = async (header: JWSHeaderParameters, token) => {
      if (header.alg === 'HS256' && secret !== undefined) return secret;
      if (jwks !== undefined && header.alg !== 'HS256') {
        try {
          return await jwks(header, token);
        } catch (error) {
          if (!(error instanceof errors.JWKSNoMatchingKey) || publicKey === undefined) throw error;
        }
      }
      if (publicKey !== undefined && header.alg === publicAlgorithm) return publicKey;
      throw new errors.JWKSNoMatchingKey();
    };
  }

  /**
   * A token already verified is taken from the cache until its `exp` (the token text is the whole
   * signed content, so the same text is the same verdict); past it, it is checked again, and refused.
   */
  async verify(token: string): Promise<TokenCheck> {
    const cached = this.#verified.get(token);
    if (cached !== undefined && this.#now() < cached.expiresAtMs) return { ok: true, identity: cached.identity };
    this.#verified.delete(token);
    const checked = await this.#check(token);
    if (checked.ok) this.#remember(token, checked.identity, checked.expiresAtMs);
    return checked.ok ? { ok: true, identity: checked.identity } : checked;
  }

  #remember(token: string, identity: Identity, expiresAtMs: number): void {
    // Oldest first out: a Map iterates in insertion order.
    if (this.#verified.size >= CACHED_TOKENS) this.#verified.delete(this.#verified.keys().next().value as string);
    this.#verified.set(token, { identity, expiresAtMs });
  }

  async #check(
    token: string,
  ): Promise<Extract<TokenCheck, { ok: false }> | { ok: true; identity: Identity; expiresAtMs: number }> {
    try {
      const { payload } = await jwtVerify(token, this.#getKey, {
        algorithms: [...this.#algorithms],
        issuer: this.#settings.issuer,
        audience: this.#settings.audience,
        clockTolerance: this.#settings.clockToleranceSec ?? 5,
        currentDate: new Date(this.#now()),
        // A token without an expiry would be a key that never expires, held by a browser.
        requiredClaims: ['exp', 'sub'],
      });
      const claims = TokenClaims.safeParse(payload);
      if (!claims.success) {
        const issue = claims.error.issues[0];
        return { ok: false, reason: 'invalid', detail: `claim ${issue?.path.join('.') || 'set'}: ${issue?.message}` };
      }
      const { sub, role, clients, system } = claims.data;
      return {
        ok: true,
        // Without the tolerance: a cached token leaves the cache when it expires, a fresh check then decides.
        expiresAtMs: (payload.exp ?? 0) * 1000,
        identity: {
          via: 'jwt',
          id: sub,
          role,
          ...(clients === undefined ? {} : { clients }),
          ...(system === undefined ? {} : { system }),
        },
      };
    } catch (error) {
      if (error instanceof errors.JWTExpired) return { ok: false, reason: 'expired', detail: 'the token has expired' };
      if (error instanceof errors.JWTClaimValidationFailed) {
        return { ok: false, reason: 'invalid', detail: `claim ${error.claim}: ${error.reason}` };
      }
      if (error instanceof errors.JOSEError) return { ok: false, reason: 'invalid', detail: describe(error) };
      throw error;
    }
  }
}

function describe(error: errors.JOSEError): string {
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad signature';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'algorithm not accepted';
  if (error instanceof errors.JWKSNoMatchingKey) return 'no key for this token';
  return 'malformed token';
}
