import { type Context, context, propagation, ROOT_CONTEXT, type TextMapGetter } from '@opentelemetry/api';

/** Kafka message headers as kafkajs types them; HTTP header objects fit too. */
export type HeaderValues = Readonly<Record<string, string | Buffer | readonly (string | Buffer)[] | undefined>>;

const textOf = (value: string | Buffer) => (typeof value === 'string' ? value : value.toString('utf8'));

const getter: TextMapGetter<HeaderValues> = {
  keys: (carrier) => Object.keys(carrier),
  get(carrier, key) {
    const value = carrier[key];
    if (value === undefined) return undefined;
    return Array.isArray(value) ? value.map(textOf) : textOf(value as string | Buffer);
  },
};

/**
 * Adds the W3C `traceparent` (and `tracestate`, `baggage`) of the given context to outgoing
 * headers, so the consumer's spans join the producer's trace. Without a registered SDK nothing is
 * added. Returns the same object.
 */
export function injectTraceHeaders<H extends Record<string, string | Buffer>>(
  headers: H,
  from: Context = context.active(),
): H {
  propagation.inject(from, headers, {
    set: (carrier, key, value) => {
      (carrier as Record<string, string>)[key] = value;
    },
  });
  return headers;
}

/** The context of the trace an incoming message or request belongs to, for the spans that handle it. */
export function extractTraceContext(headers: HeaderValues): Context {
  return propagation.extract(ROOT_CONTEXT, headers, getter);
}
