import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { env } from '../config/env-values.ts';
import { ConfigError, type ConfigProblem } from '../config/load-config.ts';
import { type AccessControlOptions, DEFAULT_PUBLIC_PATHS } from './access-control.ts';
import { ApiKeyDirectory } from './api-keys.ts';
import { readApiKeysFile } from './api-keys-file.ts';
import { JwtVerifier } from './jwt-verifier.ts';

/** The settings of access control, for a process's configuration schema. */
export const accessConfigShape = {
  AUTH: env
    .enum(['off', 'on'])
    .default('on')
    .describe(
      'Access control on every HTTP route (API keys, JWTs, roles, rate limits); off only for local experiments, never in production',
    ),
  API_KEYS_FILE: env
    .string()
    .optional()
    .describe(
      'JSON file of hashed API keys, written by `npm run keys -- create`; AUTH=on needs it or a JWT key (`npm start` makes its demo keys beside SQLITE_FILE)',
    ),
  JWT_SECRET: env
    .string()
    .meta({ secret: true })
    .optional()
    .describe('HS256 secret of dashboard tokens, 32 characters or more'),
  JWT_KEY_FILE: env
    .string()
    .optional()
    .describe("Dashboard tokens' public key: a PEM file (RS256, ES256/384/512, EdDSA) or a JSON Web Key Set file"),
  JWT_ISSUER: env.string().optional().describe('Expected `iss` of tokens (required with a JWT key)'),
  JWT_AUDIENCE: env.string().optional().describe('Expected `aud` of tokens (required with a JWT key)'),
  JWT_CLOCK_TOLERANCE: env.durationMs().default(5_000).describe('Leeway on token `exp` and `nbf` (ms)'),
  AUTH_PUBLIC_PATHS: env
    .list()
    .default([...DEFAULT_PUBLIC_PATHS])
    .describe('Paths open without credentials; `/docs/*` opens a prefix'),
  RATE_LIMIT_MAX: env
    .int({ min: 1 })
    .default(600)
    .describe('Requests per window per API key or token subject (AUTH=on)'),
  RATE_LIMIT_ANONYMOUS_MAX: env
    .int({ min: 1 })
    .default(60)
    .describe('Requests per window per IP address without valid credentials (AUTH=on)'),
  RATE_LIMIT_WINDOW: env.durationMs().default(60_000).describe('Rate limit window (ms)'),
};

const accessConfigSchema = z.object(accessConfigShape);
export type AccessConfig = z.output<typeof accessConfigSchema>;

function readText(path: string, variable: string, problems: ConfigProblem[]): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    problems.push({ variable, reason: `cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
    return undefined;
  }
}

/**
 * Access control as the settings describe it, files read and keys checked now, so that a wrong
 * setting stops the process at start with one line (`ConfigError`) rather than refusing every
 * request later. With AUTH=off nothing is read. The process adds its Redis and ticket-owner port.
 */
export function accessControlFromConfig(config: AccessConfig): AccessControlOptions {
  const rateLimit = {
    max: config.RATE_LIMIT_MAX,
    anonymousMax: config.RATE_LIMIT_ANONYMOUS_MAX,
    windowMs: config.RATE_LIMIT_WINDOW,
  };
  if (config.AUTH === 'off') return { enabled: false, publicPaths: config.AUTH_PUBLIC_PATHS, rateLimit };
  const problems: ConfigProblem[] = [];

  let apiKeys: ApiKeyDirectory | undefined;
  if (config.API_KEYS_FILE !== undefined) {
    try {
      apiKeys = new ApiKeyDirectory(readApiKeysFile(config.API_KEYS_FILE).keys);
    } catch (error) {
      problems.push({ variable: 'API_KEYS_FILE', reason: (error as Error).message });
    }
  }

  let jwt: JwtVerifier | undefined;
  const keyText =
    config.JWT_KEY_FILE === undefined ? undefined : readText(config.JWT_KEY_FILE, 'JWT_KEY_FILE', problems);
  // One setting for both shapes: a key set is JSON, a PEM key starts with its armour line.
  const isKeySet = keyText?.trimStart().startsWith('{') === true;
  const publicKeyPem = isKeySet ? undefined : keyText;
  const jwksText = isKeySet ? keyText : undefined;
  if (config.JWT_SECRET !== undefined || keyText !== undefined) {
    if (config.JWT_ISSUER === undefined) problems.push({ variable: 'JWT_ISSUER', reason: 'required with a JWT key' });
    if (config.JWT_AUDIENCE === undefined)
      problems.push({ variable: 'JWT_AUDIENCE', reason: 'required with a JWT key' });
    let jwks: unknown;
    if (jwksText !== undefined) {
      try {
        jwks = JSON.parse(jwksText);
      } catch {
        problems.push({ variable: 'JWT_KEY_FILE', reason: 'a key set that is not JSON' });
      }
    }
    if (config.JWT_ISSUER !== undefined && config.JWT_AUDIENCE !== undefined) {
      try {
        jwt = new JwtVerifier({
          ...(config.JWT_SECRET === undefined ? {} : { secret: config.JWT_SECRET }),
          ...(publicKeyPem === undefined ? {} : { publicKeyPem }),
          ...(jwks === undefined ? {} : { jwks: jwks as never }),
          issuer: config.JWT_ISSUER,
          audience: config.JWT_AUDIENCE,
          clockToleranceSec: Math.round(config.JWT_CLOCK_TOLERANCE / 1000),
        });
      } catch (error) {
        // The verifier's messages name the rule (secret too short, key type), never the key.
        problems.push({
          variable: config.JWT_SECRET !== undefined && keyText === undefined ? 'JWT_SECRET' : 'JWT_KEY_FILE',
          reason: (error as Error).message,
        });
      }
    }
  }

  if (problems.length === 0 && apiKeys === undefined && jwt === undefined) {
    problems.push({
      variable: 'AUTH',
      reason: 'on needs API_KEYS_FILE or a JWT key (JWT_SECRET, JWT_KEY_FILE)',
    });
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    enabled: true,
    publicPaths: config.AUTH_PUBLIC_PATHS,
    rateLimit,
    ...(apiKeys === undefined ? {} : { apiKeys }),
    ...(jwt === undefined ? {} : { jwt }),
  };
}
