import {
  type Context,
  context,
  propagation,
  ROOT_CONTEXT,
  type TextMapGetter,
  type TextMapSetter,
} from '@opentelemetry/api';
import type { MessageHeaders } from '../topic/topic-contract.ts';

const setter: TextMapSetter<MessageHeaders> = {
  set(carrier, key, value) {
    carrier[key] = value;
  },
};

const getter: TextMapGetter<MessageHeaders> = {
  get: (carrier, key) => carrier[key],
  keys: (carrier) => Object.keys(carrier),
};

/**
 * Writes the trace context (W3C `traceparent`, `tracestate`) into message headers through the
 * globally registered propagator; without an OpenTelemetry SDK it writes nothing.
 */
export function injectTraceContext(headers: MessageHeaders, from: Context = context.active()): MessageHeaders {
  propagation.inject(from, headers, setter);
  return headers;
}

export function extractTraceContext(headers: MessageHeaders): Context {
  return propagation.extract(ROOT_CONTEXT, headers, getter);
}
