import { SignJWT } from 'jose';
import { z } from 'zod';
import type { AccessControlOptions } from '../../src/auth/access-control.ts';
import { ApiKeyDirectory } from '../../src/auth/api-keys.ts';
import { createApiKey, type NewApiKey } from '../../src/auth/api-keys-file.ts';
import type { Role } from '../../src/auth/identity.ts';
import { JwtVerifier } from '../../src/auth/jwt-verifier.ts';
import type { HttpServer } from '../../src/http/http-server.ts';

export const jwtSecret = 'the-dashboard-secret-of-32-chars!!';
export const issuer = 'https://login.example.fr';
export const audience = 'hotline';

/** One key per role (a client of acme, the ERP as system), their texts kept to send them. */
export function keyring() {
  const now = new Date('2026-11-29T09:00:00Z');
  const requests: Record<string, NewApiKey> = {
    client: { role: 'client', clients: ['acme'] },
    agent: { role: 'agent' },
    manager: { role: 'manager' },
    auditor: { role: 'auditor' },
    system: { role: 'system', system: 'erp' },
  };
  const created = Object.fromEntries(
    Object.entries(requests).map(([name, request]) => [name, createApiKey(request, now)]),
  );
  const texts = Object.fromEntries(Object.entries(created).map(([name, { text }]) => [name, text])) as Record<
    Role,
    string
  >;
  const ids = Object.fromEntries(Object.entries(created).map(([name, { record }]) => [name, record.id])) as Record<
    Role,
    string
  >;
  return { texts, ids, directory: new ApiKeyDirectory(Object.values(created).map(({ record }) => record)) };
}

export function token(claims: Record<string, unknown>, expiresAt: number | string = '5m', key = jwtSecret) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(issuer)
    .setAudience(audience)
    .setSubject(String(claims.sub ?? 'u-dashboard'))
    .setExpirationTime(expiresAt)
    .sign(Buffer.from(key));
}

const owners = new Map([
  ['t-acme', 'acme'],
  ['t-globex', 'globex'],
]);

export function accessOptions(overrides: Partial<AccessControlOptions> = {}): AccessControlOptions {
  const { directory } = keyring();
  return {
    enabled: true,
    apiKeys: directory,
    jwt: new JwtVerifier({ secret: jwtSecret, issuer, audience }),
    ticketOwner: async (ticketId) => owners.get(ticketId),
    rateLimit: { max: 1_000, anonymousMax: 1_000, windowMs: 60_000 },
    ...overrides,
  };
}

/** Routes shaped like the hotline's, each with a declaration (and one without). */
export function addTestRoutes(app: HttpServer): void {
  const ok = async () => ({ ok: true });
  app.get(
    '/tickets/:ticketId',
    {
      config: { access: { roles: ['client', 'agent', 'manager', 'auditor'], client: { ticketId: 'params.ticketId' } } },
    },
    ok,
  );
  app.post(
    '/tickets',
    {
      schema: { body: z.object({ clientId: z.string(), description: z.string() }) },
      config: { access: { roles: ['client', 'agent', 'manager'], client: { clientId: 'body.clientId' } } },
    },
    ok,
  );
  app.get(
    '/reports/tickets',
    {
      schema: { querystring: z.object({ clientId: z.string().optional() }) },
      config: { access: { roles: ['client', 'manager', 'auditor'], client: { clientId: 'query.clientId' } } },
    },
    ok,
  );
  app.post(
    '/inbound',
    {
      schema: { body: z.object({ source: z.string() }) },
      config: { access: { roles: ['system'], system: 'body.source' } },
    },
    ok,
  );
  app.get('/audit/verify', { config: { access: { roles: ['auditor', 'manager'] } } }, ok);
  app.get('/triage/rules', ok);
}
