import type { EventData, RecordedEvent } from '@hotline/eventstore';
import { injectTraceHeaders } from '@hotline/runtime';
import type { Context } from '@opentelemetry/api';
import type { IncomingMessage, OutgoingMessage } from '../bus/bus.ts';
import type { EventHeaders } from '../contracts/events.ts';

/** A recorded event as a message of support.events.v1: keyed by stream, envelope in headers, data as payload. */
export function eventMessage(event: RecordedEvent, traceContext?: Context): OutgoingMessage<EventData, EventHeaders> {
  const headers: EventHeaders = {
    'event-id': event.id,
    'event-type': event.type,
    'schema-version': String(event.schemaVersion),
    stream: event.stream,
    revision: event.revision.toString(),
    position: event.position.toString(),
    'recorded-at': event.recordedAt,
    'occurred-at': event.occurredAt,
    actor: event.actor,
    'correlation-id': event.correlationId,
    'causation-id': event.causationId,
    hash: event.hash,
  };
  if (traceContext !== undefined) injectTraceHeaders(headers, traceContext);
  return { key: event.stream, payload: event.data, headers };
}

/** The recorded event back from a message of support.events.v1. */
export function eventFromMessage(message: IncomingMessage<EventData, EventHeaders>): RecordedEvent {
  const { headers } = message;
  return {
    id: headers['event-id'],
    type: headers['event-type'],
    schemaVersion: Number(headers['schema-version']),
    stream: headers.stream,
    revision: BigInt(headers.revision),
    position: BigInt(headers.position),
    recordedAt: headers['recorded-at'],
    occurredAt: headers['occurred-at'],
    actor: headers.actor,
    correlationId: headers['correlation-id'],
    causationId: headers['causation-id'],
    data: message.payload,
    hash: headers.hash,
  };
}
