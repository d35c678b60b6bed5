import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  onRequestHookHandler,
  preHandlerHookHandler,
} from 'fastify';
import { sendProblem } from '../http/problem-replies.ts';
import type { ProblemDocument } from '../problems/problem-document.ts';
import { invalidCredentials, missingCredentials, outOfScope, roleRefused } from './access-problems.ts';
import type { ApiKeyDirectory } from './api-keys.ts';
import type { Identity } from './identity.ts';
import type { JwtVerifier } from './jwt-verifier.ts';
import { type Limiter, type RateLimitSettings, registerRateLimit } from './rate-limit.ts';
import {
  checkRouteAccess,
  decideRole,
  decideScope,
  type RoleAccess,
  type RouteAccess,
  type TicketOwner,
  UNDECLARED,
} from './route-access.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route (see `RouteAccess`); undeclared means managers only when AUTH=on. */
    access?: RouteAccess;
  }
  interface FastifyRequest {
    /** The authenticated caller; undefined on public routes and whenever access control is off. */
    identity?: Identity;
  }
}

export interface AccessControlOptions {
  /**
   * AUTH=on: every route but the public ones needs credentials and obeys its declaration. Off:
   * nothing is enforced; declarations are still checked and undeclared routes still listed.
   */
  readonly enabled: boolean;
  readonly apiKeys?: ApiKeyDirectory;
  readonly jwt?: JwtVerifier;
  /** Open to anyone: exact paths, or prefixes written `/docs/*`. */
  readonly publicPaths?: readonly string[];
  /** Resolves the ticket of a client-scoped route to its client. */
  readonly ticketOwner?: TicketOwner;
  readonly rateLimit?: RateLimitSettings;
}

export const DEFAULT_PUBLIC_PATHS = ['/healthz', '/readyz', '/metrics', '/docs', '/docs/*'] as const;

const DEFAULT_RATE_LIMIT: RateLimitSettings = { max: 600, anonymousMax: 60, windowMs: 60_000 };

function publicMatcher(paths: readonly string[]): (url: string) => boolean {
  const exact = new Set(paths.filter((path) => !path.endsWith('/*')));
  const prefixes = paths.filter((path) => path.endsWith('/*')).map((path) => path.slice(0, -1));
  return (url) => exact.has(url) || prefixes.some((prefix) => url.startsWith(prefix));
}

/** What the OpenAPI document says of a route's access (`x-access`): its declaration, or what applies without one. */
export type DocumentedAccess = RouteAccess | { readonly roles: readonly ['manager']; readonly undeclared: true };

/** For the OpenAPI document: each route's access, and the security schemes once access control is on. */
export function accessDocumentation(options: AccessControlOptions = { enabled: false }) {
  const isPublic = publicMatcher(options.publicPaths ?? DEFAULT_PUBLIC_PATHS);
  return {
    enabled: options.enabled,
    accessOf(url: string, declared: RouteAccess | undefined): DocumentedAccess {
      if (declared !== undefined) return declared;
      return isPublic(url) ? 'public' : { roles: ['manager'], undeclared: true };
    },
  };
}

type Credential = { readonly kind: 'api-key' | 'token'; readonly text: string } | { readonly kind: 'ambiguous' };

function credentialOf(request: FastifyRequest): Credential | undefined {
  const apiKey = request.headers['x-api-key'];
  const authorization = request.headers.authorization;
  const bearer = authorization === undefined ? undefined : /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
  if (authorization !== undefined && bearer === undefined) return { kind: 'token', text: '' };
  if (apiKey !== undefined && bearer !== undefined) return { kind: 'ambiguous' };
  if (typeof apiKey === 'string') return { kind: 'api-key', text: apiKey };
  if (Array.isArray(apiKey)) return { kind: 'ambiguous' };
  if (bearer !== undefined) return { kind: bearer.startsWith('hk_') ? 'api-key' : 'token', text: bearer };
  return undefined;
}

type Authentication =
  | { readonly identity: Identity }
  | { readonly identity?: undefined; readonly failure?: string; readonly claimedKeyId?: string };

async function authenticate(request: FastifyRequest, options: AccessControlOptions): Promise<Authentication> {
  const credential = credentialOf(request);
  if (credential === undefined) return {};
  if (credential.kind === 'ambiguous') return { failure: 'send one credential, not several' };
  if (credential.kind === 'api-key') {
    const identity = options.apiKeys?.identify(credential.text);
    // The key's id is public (its first part), so naming it in the logs helps without revealing.
    const claimedKeyId = /^hk_([0-9a-f]{16})_/.exec(credential.text)?.[1];
    if (identity !== undefined) return { identity };
    return { failure: 'unknown or revoked API key', ...(claimedKeyId === undefined ? {} : { claimedKeyId }) };
  }
  if (options.jwt === undefined) return { failure: 'bearer tokens are not accepted here' };
  if (credential.text === '') return { failure: 'malformed authorization header' };
  const checked = await options.jwt.verify(credential.text);
  return checked.ok ? { identity: checked.identity } : { failure: checked.detail };
}

/**
 * Access control on every route added after it: authentication, the rate limit, the route's role
 * and scope, and a decision log line (key id or token subject, role, route, outcome; never a
 * secret). Registered before any route, including the health, metrics and docs routes.
 */
export async function registerAccessControl(
  app: FastifyInstance,
  service: string,
  options: AccessControlOptions = { enabled: false },
): Promise<void> {
  const isPublic = publicMatcher(options.publicPaths ?? DEFAULT_PUBLIC_PATHS);
  const undeclared: string[] = [];
  app.decorateRequest('identity', undefined);
  const limiter = options.enabled
    ? await registerRateLimit(app, service, options.rateLimit ?? DEFAULT_RATE_LIMIT)
    : undefined;

  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat().map(String);
    const declared = route.config?.access;
    const named = `${methods.join(',')} ${route.url}`;
    const access =
      declared !== undefined
        ? checkRouteAccess(methods.join(','), route.url, declared)
        : isPublic(route.url)
          ? 'public'
          : undefined;
    // Fastify adds a HEAD route for each GET: the GET stands for both in the list.
    if (access === undefined && !methods.every((method) => method === 'HEAD')) undeclared.push(named);
    if (!options.enabled || access === 'public') return;
    const roles = access ?? UNDECLARED;
    const client = roles.client;
    if (typeof client === 'object' && 'ticketId' in client && options.ticketOwner === undefined) {
      throw new Error(`${named}: a client scope by ticket needs the ticket-owner port`);
    }
    const scoped = roles.roles.includes('client') || roles.system !== undefined;
    // First of the route's hooks: nothing of the route runs for a caller it refuses.
    route.onRequest = [authorizeRole(options, roles, limiter, scoped), ...[route.onRequest ?? []].flat()];
    if (scoped) route.preHandler = [authorizeScope(options, roles), ...[route.preHandler ?? []].flat()];
  });

  app.addHook('onReady', async () => {
    // Off is a choice someone made for a local experiment: say so where operators look.
    if (!options.enabled) app.log.warn('access control is off (AUTH=off): every route answers anyone');
    if (undeclared.length === 0) return;
    const message = options.enabled
      ? 'routes without an access declaration: managers only'
      : 'routes without an access declaration (access control is off)';
    app.log[options.enabled ? 'warn' : 'info']({ access: { undeclared } }, message);
  });
}

function routeOf(request: FastifyRequest): string {
  return `${request.method} ${request.routeOptions.url ?? request.url}`;
}

function refuse(
  request: FastifyRequest,
  reply: FastifyReply,
  document: ProblemDocument,
  facts: Record<string, unknown>,
  challenge?: string,
): FastifyReply {
  request.log.info(
    { access: { outcome: 'refused', route: routeOf(request), status: document.status, code: document.code, ...facts } },
    'access refused',
  );
  if (challenge !== undefined) reply.header('www-authenticate', challenge);
  return sendProblem(request, reply, document);
}

function callerFacts(identity: Identity): Record<string, unknown> {
  return { via: identity.via, id: identity.id, role: identity.role };
}

function authorizeRole(
  options: AccessControlOptions,
  access: RoleAccess,
  limiter: Limiter | undefined,
  scoped: boolean,
): onRequestHookHandler {
  return async function authorizeRoleHook(request, reply) {
    const authentication = await authenticate(request, options);
    const identity = authentication.identity;
    request.identity = identity;
    if (limiter !== undefined) {
      try {
        await limiter(request, reply);
      } catch (error) {
        const facts = identity === undefined ? { ip: request.ip } : callerFacts(identity);
        request.log.info(
          { access: { outcome: 'refused', route: routeOf(request), status: 429, ...facts } },
          'access refused',
        );
        throw error;
      }
    }
    if (identity === undefined) {
      const { failure, claimedKeyId } = authentication as { failure?: string; claimedKeyId?: string };
      const { problem, challenge } = failure === undefined ? missingCredentials() : invalidCredentials(failure);
      const facts = {
        ...(failure === undefined ? {} : { reason: failure }),
        ...(claimedKeyId === undefined ? {} : { id: claimedKeyId }),
      };
      return refuse(request, reply, problem, facts, challenge);
    }
    const decision = decideRole(identity, access, routeOf(request));
    if (!decision.allowed) {
      return refuse(request, reply, roleRefused(decision.detail, identity.role, access.roles), callerFacts(identity));
    }
    if (!scoped || (identity.role !== 'client' && identity.role !== 'system')) {
      request.log.info(
        { access: { outcome: 'allowed', route: routeOf(request), ...callerFacts(identity) } },
        'access allowed',
      );
    }
  };
}

/** After validation, so a body's fields are read as the route's schema parsed them. */
function authorizeScope(options: AccessControlOptions, access: RoleAccess): preHandlerHookHandler {
  return async function authorizeScopeHook(request, reply) {
    const identity = request.identity;
    if (identity === undefined || (identity.role !== 'client' && identity.role !== 'system')) return;
    const decision = await decideScope(identity, access, request, options.ticketOwner);
    if (!decision.allowed)
      return refuse(request, reply, outOfScope(decision.detail, decision.scope), callerFacts(identity));
    request.log.info(
      { access: { outcome: 'allowed', route: routeOf(request), ...callerFacts(identity) } },
      'access allowed',
    );
  };
}
