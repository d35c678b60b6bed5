import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ProblemError } from '../problems/problem-error.ts';
import { rateLimited } from './access-problems.ts';

export interface RateLimitSettings {
  /** Requests per window for each API key or token subject, unless its key sets its own. */
  readonly max: number;
  /** Requests per window for each IP address whose requests carry no valid credentials. */
  readonly anonymousMax: number;
  readonly windowMs: number;
  /**
   * An ioredis client: replicas of a service then count against one budget per caller. Without
   * it each process counts in memory, which is exact in the one-process product.
   */
  readonly redis?: object;
  /** Prefix of the Redis keys; one per service by default, so each service has its own budgets. */
  readonly namespace?: string;
}

export type Limiter = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/** Whom a request is counted against: its caller when known, its address otherwise. */
export function rateLimitKey(request: FastifyRequest): string {
  const identity = request.identity;
  return identity === undefined ? `ip:${request.ip}` : `${identity.via}:${identity.id}`;
}

/**
 * `@fastify/rate-limit` registered without its global hook: access control calls the limiter
 * itself, after authentication (so a key is counted as a key) and before authorisation (so
 * refused requests are counted too: guessing keys from one address soon meets its 429).
 */
export async function registerRateLimit(
  app: FastifyInstance,
  service: string,
  { max, anonymousMax, windowMs, redis, namespace = `hotline:rate-limit:${service}:` }: RateLimitSettings,
): Promise<Limiter> {
  await app.register(rateLimit, {
    global: false,
    max: (request) => (request.identity === undefined ? anonymousMax : (request.identity.rateLimit ?? max)),
    timeWindow: windowMs,
    keyGenerator: rateLimitKey,
    ...(redis === undefined ? {} : { redis, nameSpace: namespace }),
    // While Redis is unreachable, requests go unlimited rather than fail: the API stays up.
    skipOnError: true,
    errorResponseBuilder: (_request, context) =>
      new ProblemError(rateLimited(context.max, Math.ceil(context.ttl / 1000))),
  });
  return app.rateLimit() as unknown as Limiter;
}
