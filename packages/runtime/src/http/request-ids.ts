import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

export const REQUEST_ID_HEADER = 'x-request-id';
export const CORRELATION_ID_HEADER = 'x-correlation-id';

declare module 'fastify' {
  interface FastifyRequest {
    /** The id of the whole story this request belongs to; events it causes carry it. */
    correlationId: string;
  }
}

// Ids land in logs and response headers: anything outside this shape (newlines, quotes, huge
// values) could forge log lines or headers, so it is replaced rather than trusted.
const ACCEPTABLE_ID = /^[A-Za-z0-9._:@-]{1,128}$/;

function acceptedId(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first !== undefined && ACCEPTABLE_ID.test(first) ? first : undefined;
}

/** Fastify's `genReqId`: the caller's `x-request-id` when it is sane, a UUID otherwise. */
export function requestIdOf(raw: IncomingMessage): string {
  return acceptedId(raw.headers[REQUEST_ID_HEADER]) ?? randomUUID();
}

/** A request that starts a story has no correlation id yet: its own id becomes one. */
export function correlationIdOf(raw: IncomingMessage, requestId: string): string {
  return acceptedId(raw.headers[CORRELATION_ID_HEADER]) ?? requestId;
}

/** Echoes both ids on every response, errors included, so a client can quote them to support. */
export function registerRequestIds(app: FastifyInstance): void {
  app.decorateRequest('correlationId', '');
  app.addHook('onRequest', (request, reply, done) => {
    request.correlationId = correlationIdOf(request.raw, request.id);
    reply.header(REQUEST_ID_HEADER, request.id);
    reply.header(CORRELATION_ID_HEADER, request.correlationId);
    done();
  });
}
