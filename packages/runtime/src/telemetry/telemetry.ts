import { context, propagation, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  BatchSpanProcessor,
  NodeTracerProvider,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

export interface TelemetryOptions {
  readonly service: string;
  readonly exporter: 'otlp' | 'none';
  /** OTLP/HTTP base URL (`http://collector:4318`); spans go to its `/v1/traces`. */
  readonly endpoint?: string;
  /** Tests read spans back from here (an `InMemorySpanExporter`), exported one by one. */
  readonly spanExporter?: SpanExporter;
}

export interface Telemetry {
  /** Flushes the spans still buffered, then unregisters the global tracer and propagator. */
  shutdown(): Promise<void>;
}

/**
 * Registers a Node tracer provider as the process's global one, with the W3C trace-context and
 * baggage propagators and async-local-storage context. With `exporter: 'none'` spans are still
 * created and propagated (ids keep flowing through HTTP and Kafka), only not recorded.
 * Call it once, before creating servers and clients.
 */
export function startTelemetry({ service, exporter, endpoint, spanExporter }: TelemetryOptions): Telemetry {
  const spanProcessors: SpanProcessor[] = [];
  if (exporter === 'otlp') {
    const otlp = new OTLPTraceExporter({ url: tracesUrl(endpoint ?? 'http://localhost:4318') });
    // The OTLP exporter is typed against the newer sdk-trace package; its contract is the same.
    spanProcessors.push(new BatchSpanProcessor(otlp as unknown as SpanExporter));
  }
  if (spanExporter) spanProcessors.push(new SimpleSpanProcessor(spanExporter));

  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: service }),
    spanProcessors,
    // With nowhere to send spans, recording their attributes and events is work for nothing: the
    // spans are then non-recording, with ids still made and propagated (unsampled), so logs and
    // downstream systems keep their trace ids.
    ...(spanProcessors.length === 0 && { sampler: new AlwaysOffSampler() }),
  });
  provider.register();

  return {
    async shutdown() {
      await provider.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
    },
  };
}

function tracesUrl(endpoint: string): string {
  const base = endpoint.replace(/\/+$/, '');
  return base.endsWith('/v1/traces') ? base : `${base}/v1/traces`;
}
