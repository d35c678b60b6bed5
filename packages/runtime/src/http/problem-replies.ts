import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { problemFromError } from '../problems/error-problems.ts';
import { PROBLEM_CONTENT_TYPE, type ProblemDocument, problem } from '../problems/problem-document.ts';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

const pathOf = (url: string) => url.split('?', 1)[0] ?? url;

/** Sends a problem document, completing `instance` and `requestId` from the request. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, document: ProblemDocument): FastifyReply {
  // A client waiting for a busy service or a rate limit finds the delay where HTTP puts it too.
  if (typeof document.retryAfterSeconds === 'number' && !reply.hasHeader('retry-after')) {
    reply.header('retry-after', String(document.retryAfterSeconds));
  }
  return reply
    .code(document.status)
    .type(PROBLEM_CONTENT_TYPE)
    .send({ ...document, instance: document.instance ?? pathOf(request.url), requestId: request.id });
}

/** Answers every failure, ours or the client's, with an RFC 9457 problem document. */
export function registerProblemReplies(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const { problem: document, unexpected } = problemFromError(error);
    if (unexpected) {
      request.log.error({ err: error }, 'request failed');
    } else {
      const { status, type, code } = document;
      request.log.info({ problem: { status, type, code } }, error instanceof Error ? error.message : document.title);
    }
    return sendProblem(request, reply, document.status === 413 ? tooLarge(request, document) : document);
  });

  app.setNotFoundHandler((request, reply) => {
    const path = pathOf(request.url);
    const allowed = METHODS.filter(
      (method) => method !== request.method && app.findRoute({ method, url: path }) !== null,
    );
    if (allowed.length > 0) {
      reply.header('allow', allowed.join(', '));
      return sendProblem(
        request,
        reply,
        problem({ status: 405, detail: `${request.method} is not allowed on ${path}; use ${allowed.join(', ')}.` }),
      );
    }
    return sendProblem(request, reply, problem({ status: 404, detail: `Nothing at ${request.method} ${path}.` }));
  });
}

function tooLarge(request: FastifyRequest, document: ProblemDocument): ProblemDocument {
  const limit = request.routeOptions.bodyLimit;
  return { ...document, detail: `The request body exceeds the limit of ${limit} bytes.`, limitBytes: limit };
}

/** Errors Fastify meets before routing (malformed URL…), answered like the rest. */
export function frameworkErrorReply(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  sendProblem(request, reply, problemFromError(error).problem);
}

const CLIENT_ERRORS: Readonly<Record<string, { status: number; detail: string }>> = {
  HPE_HEADER_OVERFLOW: { status: 431, detail: 'The request line and headers exceed the size limit.' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, detail: 'The request did not arrive in time.' },
};

/**
 * Errors Node's HTTP parser meets before there is a request (headers over the size limit, a
 * malformed request line): Fastify's own answer is plain JSON, this one is a problem document like
 * every other refusal. Written on the socket, which is then closed, as Node and Fastify do.
 */
export function clientErrorReply(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, detail } = CLIENT_ERRORS[error.code ?? ''] ?? { status: 400, detail: 'The request is malformed.' };
  const body = JSON.stringify(problem({ status, detail }));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
