import { z } from 'zod';

/** Kafka headers as this project uses them: text values, one per name. */
export type MessageHeaders = Record<string, string>;

/**
 * Everything a producer and a consumer must agree on about a topic: its name (versioned), its
 * partition count (topics are created explicitly, never auto-created), what its key is, and the
 * zod schemas of its headers and payload. The AsyncAPI document is generated from these.
 */
export interface TopicContract<Payload = unknown, Headers extends MessageHeaders = MessageHeaders> {
  readonly name: string;
  readonly partitions: number;
  readonly title: string;
  readonly description: string;
  /** What the message key is; messages with one key keep their order. */
  readonly key: string;
  readonly payload: z.ZodType<Payload>;
  readonly headers: z.ZodType<Headers>;
  /**
   * Where a consumer sends what it cannot handle (invalid, or failing after its retries). A
   * dead-letter topic has none: its consumers retry for ever, since there is nowhere left to go.
   */
  readonly deadLetter?: TopicContract<DeadLetter>;
}

export const anyHeaders: z.ZodType<MessageHeaders> = z.record(z.string(), z.string());

/** The payload and headers types of a contract. */
export type PayloadOf<T> = T extends TopicContract<infer P, MessageHeaders> ? P : never;
export type HeadersOf<T> = T extends TopicContract<unknown, infer H> ? H : never;

export const deadLetterSchema = z
  .object({
    sourceTopic: z.string().describe('The topic the message was read from.'),
    partition: z.number().int().nonnegative(),
    offset: z
      .string()
      .regex(/^[0-9]+$/)
      .describe('Offset in the source partition, as a decimal string.'),
    key: z.string().nullable(),
    headers: z.record(z.string(), z.string()).describe('The original headers.'),
    payload: z.string().describe('The original payload, as it was received.'),
    payloadEncoding: z.enum(['utf8', 'base64']).describe('base64 when the original bytes were not UTF-8 text.'),
    group: z.string().describe('The consumer group that gave up on the message.'),
    attempts: z.number().int().nonnegative().describe('Handler attempts made (0: the message failed validation).'),
    error: z.object({
      code: z.string().describe('Stable error code, e.g. messaging.invalid_message or messaging.handler_failed.'),
      message: z.string(),
    }),
    deadLetteredAt: z.iso.datetime(),
  })
  .describe('A message a consumer could not handle, with why and where it came from.');

export type DeadLetter = z.infer<typeof deadLetterSchema>;

export interface TopicDefinition<Payload, Headers extends MessageHeaders> {
  name: string;
  partitions: number;
  title: string;
  description: string;
  key: string;
  payload: z.ZodType<Payload>;
  headers?: z.ZodType<Headers>;
  /** The dead-letter topic's name; `<base>.dlq.<version>` by default, `false` for none. */
  deadLetter?: string | false;
  deadLetterPartitions?: number;
}

/** A topic and, unless told otherwise, its dead-letter topic (`support.inbound.v1` → `support.inbound.dlq.v1`). */
export function defineTopic<Payload, Headers extends MessageHeaders = MessageHeaders>(
  definition: TopicDefinition<Payload, Headers>,
): TopicContract<Payload, Headers> {
  if (!Number.isSafeInteger(definition.partitions) || definition.partitions < 1) {
    throw new Error(`topic ${definition.name} needs a positive partition count`);
  }
  const deadLetterName =
    definition.deadLetter === false ? undefined : (definition.deadLetter ?? deadLetterNameOf(definition.name));
  const deadLetter: TopicContract<DeadLetter> | undefined =
    deadLetterName === undefined
      ? undefined
      : Object.freeze({
          name: deadLetterName,
          partitions: definition.deadLetterPartitions ?? Math.min(definition.partitions, 3),
          title: `Dead letters of ${definition.name}`,
          description: `Messages of ${definition.name} that a consumer could not handle: the original payload, the error, the source topic, partition and offset. Keyed like ${definition.name}.`,
          key: `the original message's key (${definition.key})`,
          payload: deadLetterSchema,
          headers: anyHeaders,
        });
  return Object.freeze({
    name: definition.name,
    partitions: definition.partitions,
    title: definition.title,
    description: definition.description,
    key: definition.key,
    payload: definition.payload,
    headers: definition.headers ?? (anyHeaders as z.ZodType<Headers>),
    ...(deadLetter === undefined ? {} : { deadLetter }),
  });
}

export function deadLetterNameOf(name: string): string {
  const versioned = /^(.*)\.(v[0-9]+)$/.exec(name);
  return versioned === null ? `${name}.dlq` : `${versioned[1]}.dlq.${versioned[2]}`;
}

/** Any topic, whatever its payload: what the admin side (creation, documentation) handles. */
export type AnyTopic = TopicContract<unknown, MessageHeaders>;

/** The topics and their dead-letter topics: the set to create before producing or consuming. */
export function withDeadLetters(topics: readonly AnyTopic[]): AnyTopic[] {
  const all = new Map<string, AnyTopic>();
  for (const topic of topics) {
    all.set(topic.name, topic);
    if (topic.deadLetter) all.set(topic.deadLetter.name, topic.deadLetter);
  }
  return [...all.values()];
}
