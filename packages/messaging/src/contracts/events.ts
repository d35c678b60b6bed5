import { z } from 'zod';
import { defineTopic } from '../topic/topic-contract.ts';

const decimal = z.string().regex(/^(0|[1-9][0-9]*)$/);

/**
 * The envelope of a domain event travels in the headers (the payload is the event's data), so a
 * consumer can route, filter and deduplicate (`position`) without parsing the payload.
 */
export const eventHeadersSchema = z.looseObject({
  // Any 8-4-4-4-12 hex id, as the store accepts: a stricter check here would stall the relay on a valid event.
  'event-id': z.guid(),
  'event-type': z.string().min(1),
  'schema-version': z.string().regex(/^[1-9][0-9]*$/),
  stream: z.string().min(1).describe('Also the message key.'),
  revision: decimal.describe('Position in the stream, from 0.'),
  position: decimal.describe("Position in the store's global log: the consumer's checkpoint."),
  'recorded-at': z.iso.datetime(),
  'occurred-at': z.iso.datetime(),
  actor: z.string().min(1),
  'correlation-id': z.string().min(1),
  'causation-id': z.string().min(1),
  hash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .describe("SHA-256 chaining the event to its stream's previous one."),
  traceparent: z.string().optional().describe('W3C trace context of the relay that published it.'),
  tracestate: z.string().optional(),
}) as z.ZodType<EventHeaders>;

export interface EventHeaders {
  'event-id': string;
  'event-type': string;
  'schema-version': string;
  stream: string;
  revision: string;
  position: string;
  'recorded-at': string;
  'occurred-at': string;
  actor: string;
  'correlation-id': string;
  'causation-id': string;
  hash: string;
  [header: string]: string;
}

export const eventDataSchema = z
  .record(z.string(), z.unknown())
  .describe("The event's data, whose shape its type and schema version (headers) set.");

export const eventsTopic = defineTopic({
  name: 'support.events.v1',
  partitions: 12,
  title: 'Domain events',
  description:
    "Every event of the event store, published by the relay in the order of the store's global log, keyed by stream id: the events of one ticket (one stream) arrive in order. Delivery is at least once: a consumer keeps the last position it applied with its own state and ignores what it already applied.",
  key: 'the stream id (ticket-<id>, contract-<id>, sla-<ticketId>…)',
  payload: eventDataSchema,
  headers: eventHeadersSchema,
});
