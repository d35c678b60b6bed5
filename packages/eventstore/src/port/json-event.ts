import { z } from 'zod';
import type { EventData, RecordedEvent } from './envelope.ts';

// Revisions and positions are 64-bit; a JSON number keeps 53 bits, so they travel as decimal strings.
const decimal = z.string().regex(/^(0|[1-9][0-9]*)$/, 'a non-negative decimal integer');

/** A recorded event as it crosses JSON (Kafka messages, HTTP, checkpoints files). */
export const recordedEventJsonSchema = z.object({
  id: z.string(),
  type: z.string(),
  schemaVersion: z.number().int().positive(),
  stream: z.string(),
  revision: decimal,
  position: decimal,
  recordedAt: z.string(),
  occurredAt: z.string(),
  actor: z.string(),
  correlationId: z.string(),
  causationId: z.string(),
  data: z.record(z.string(), z.unknown()),
  hash: z.string(),
});

export type RecordedEventJson = z.infer<typeof recordedEventJsonSchema>;

export function formatPosition(value: bigint): string {
  return value.toString(10);
}

/** Parses a revision or position written by `formatPosition`; refuses anything else (numbers included). */
export function parsePosition(text: string): bigint {
  return BigInt(decimal.parse(text));
}

export function toJsonEvent(event: RecordedEvent): RecordedEventJson {
  return { ...event, revision: formatPosition(event.revision), position: formatPosition(event.position) };
}

export function fromJsonEvent(json: unknown): RecordedEvent {
  const parsed = recordedEventJsonSchema.parse(json);
  return {
    ...parsed,
    revision: BigInt(parsed.revision),
    position: BigInt(parsed.position),
    data: parsed.data as EventData,
  };
}
