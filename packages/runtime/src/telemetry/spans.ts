import { type Attributes, type Context, context, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

export const TRACER_NAME = '@hotline/runtime';

export const tracer = () => trace.getTracer(TRACER_NAME);

export interface SpanOptions {
  readonly kind?: SpanKind;
  /** The trace to join, e.g. `extractTraceContext(message.headers)`; the active context by default. */
  readonly parent?: Context;
  readonly attributes?: Attributes;
}

/**
 * Runs `work` inside a new span made active for it (so nested spans and injected headers belong to
 * it), marking the span failed when `work` throws. For consumers, the relay and timers:
 * `withSpan('support.events.v1 process', handle, { kind: SpanKind.CONSUMER, parent })`.
 */
export async function withSpan<T>(
  name: string,
  work: (span: Span) => Promise<T> | T,
  { kind = SpanKind.INTERNAL, parent = context.active(), attributes }: SpanOptions = {},
): Promise<T> {
  const span = tracer().startSpan(name, { kind, ...(attributes && { attributes }) }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), () => work(span));
  } catch (error) {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
    throw error;
  } finally {
    span.end();
  }
}
