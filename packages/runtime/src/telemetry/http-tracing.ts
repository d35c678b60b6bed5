import {
  type Context,
  context,
  isSpanContextValid,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import {
  ATTR_CLIENT_ADDRESS,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_URL_PATH,
  ATTR_URL_SCHEME,
  ATTR_USER_AGENT_ORIGINAL,
} from '@opentelemetry/semantic-conventions';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from '../logging/logger.ts';
import { tracer } from './spans.ts';
import { extractTraceContext } from './trace-headers.ts';

interface RequestSpan {
  readonly span: Span;
  readonly context: Context;
}

/**
 * One SERVER span per request, child of the caller's `traceparent` when there is one, named by
 * route pattern as OpenTelemetry's HTTP conventions ask. The handler runs with the span active,
 * so what it sends on (Kafka headers, outgoing calls) continues the same trace; the request
 * logger gets `traceId` and `spanId` to join logs and traces.
 */
export function registerHttpTracing(app: FastifyInstance): void {
  const spans = new WeakMap<FastifyRequest, RequestSpan>();

  app.addHook('onRequest', (request, _reply, done) => {
    const parent = extractTraceContext(request.headers);
    const route = request.is404 ? undefined : request.routeOptions.url;
    const span = tracer().startSpan(
      route ? `${request.method} ${route}` : request.method,
      { kind: SpanKind.SERVER },
      parent,
    );
    // Set once the span records, not given to startSpan: no sampler here reads attributes, and a span
    // sampled off (the default) would have them built for nothing on every request.
    if (span.isRecording()) {
      span.setAttributes({
        [ATTR_HTTP_REQUEST_METHOD]: request.method,
        [ATTR_URL_PATH]: request.url.split('?', 1)[0] ?? request.url,
        [ATTR_URL_SCHEME]: request.protocol,
        [ATTR_CLIENT_ADDRESS]: request.ip,
        ...(route && { [ATTR_HTTP_ROUTE]: route }),
        ...(request.headers['user-agent'] && { [ATTR_USER_AGENT_ORIGINAL]: request.headers['user-agent'] }),
        'hotline.request_id': request.id,
      });
    }
    const active = trace.setSpan(parent, span);
    spans.set(request, { span, context: active });
    const { traceId, spanId } = span.spanContext();
    if (isSpanContextValid(span.spanContext())) {
      // Added to the request's own logger (a child already, made for this request, which the reply
      // shares) rather than by a second child: pino builds a child's level methods anew, and that
      // was a measurable share of the embedded product's time under load (services/standalone/bench).
      (request.log as Logger).setBindings({ traceId, spanId });
    }
    context.with(active, done);
  });

  // Body parsing runs in the socket's async context, not the hook's: re-enter the span's context
  // right before the handler.
  app.addHook('preHandler', (request, _reply, done) => {
    const entry = spans.get(request);
    if (entry) context.with(entry.context, done);
    else done();
  });

  app.addHook('onError', async (request, _reply, error) => {
    spans.get(request)?.span.recordException(error);
  });

  app.addHook('onResponse', (request, reply, done) => {
    const entry = spans.get(request);
    if (entry) {
      entry.span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, reply.statusCode);
      // Per the HTTP conventions a 4xx is the client's failure, not the server span's.
      if (reply.statusCode >= 500) entry.span.setStatus({ code: SpanStatusCode.ERROR });
      entry.span.end();
      spans.delete(request);
    }
    done();
  });

  app.addHook('onRequestAbort', async (request) => {
    const entry = spans.get(request);
    if (!entry) return;
    entry.span.setStatus({ code: SpanStatusCode.ERROR, message: 'client aborted the request' });
    entry.span.end();
    spans.delete(request);
  });
}
