import type { InboundKind, inboundPayloads } from '@hotline/messaging';
import type { z } from 'zod';

/** Where a request came from and when it happened: the envelope of a message, or an HTTP request. */
export interface RequestOrigin {
  /** The upstream system (`client-portal`, `crm`) or `api` for direct HTTP calls. */
  readonly source: string;
  readonly occurredAt: string;
  /** Identifies the request for idempotency: the message id, or the HTTP Idempotency-Key / request id. */
  readonly requestId: string;
  readonly correlationId?: string | undefined;
}

export type InboundPayload<K extends InboundKind> = z.infer<(typeof inboundPayloads)[K]>;

export interface InboundRequest<K extends InboundKind = InboundKind> {
  readonly kind: K;
  readonly payload: InboundPayload<K>;
  readonly origin: RequestOrigin;
}
