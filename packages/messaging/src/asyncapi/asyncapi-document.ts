import { z } from 'zod';
import { alertsTopic } from '../contracts/alerts.ts';
import { eventsTopic } from '../contracts/events.ts';
import { inboundTopic } from '../contracts/inbound.ts';
import type { AnyTopic } from '../topic/topic-contract.ts';
import { topicExamples } from './examples.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Who does what on each topic, from the hotline's side (AsyncAPI 3 operations are the application's). */
const roles: { topic: AnyTopic; action: 'send' | 'receive'; summary: string }[] = [
  { topic: inboundTopic, action: 'receive', summary: 'Upstream systems publish; intake consumes.' },
  {
    topic: inboundTopic.deadLetter!,
    action: 'send',
    summary: 'Intake moves here what it could not take in, with the reason.',
  },
  { topic: eventsTopic, action: 'send', summary: 'The relay publishes every event of the store.' },
  {
    topic: eventsTopic,
    action: 'receive',
    summary: "The services' consumers (triage, resolution, sla-clock, reporting) follow it.",
  },
  { topic: eventsTopic.deadLetter!, action: 'send', summary: 'Consumers move here events they could not apply.' },
  { topic: alertsTopic, action: 'send', summary: 'sla-clock raises SLA warnings and breaches.' },
  {
    topic: alertsTopic.deadLetter!,
    action: 'send',
    summary: "A notification consumer built on this project's bus moves here what it could not handle.",
  },
];

/** The AsyncAPI 3 document of the support topics, generated from their zod contracts. */
export function asyncApiDocument(): Record<string, Json> {
  const topics = [...new Map(roles.map(({ topic }) => [topic.name, topic])).values()];
  const channels: Record<string, Json> = {};
  const messages: Record<string, Json> = {};
  for (const topic of topics) {
    channels[topic.name] = {
      address: topic.name,
      title: topic.title,
      description: topic.description,
      messages: { [messageId(topic)]: { $ref: `#/components/messages/${messageId(topic)}` } },
      bindings: { kafka: { topic: topic.name, partitions: topic.partitions, bindingVersion: '0.5.0' } },
    };
    messages[messageId(topic)] = {
      name: messageId(topic),
      title: topic.title,
      contentType: 'application/json',
      headers: jsonSchema(topic.headers),
      payload: jsonSchema(topic.payload),
      bindings: { kafka: { key: { type: 'string', description: topic.key }, bindingVersion: '0.5.0' } },
      ...(topicExamples[topic.name] === undefined ? {} : { examples: topicExamples[topic.name] as Json }),
    };
  }
  const operations: Record<string, Json> = {};
  for (const { topic, action, summary } of roles) {
    operations[`${action}.${topic.name}`] = {
      action,
      channel: { $ref: `#/channels/${topic.name}` },
      summary,
      messages: [{ $ref: `#/channels/${topic.name}/messages/${messageId(topic)}` }],
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Hotline support topics',
      version: '1.0.0',
      description:
        "The Kafka topics of the hotline. Generated from the zod contracts in packages/messaging (`pnpm --filter @hotline/messaging asyncapi`); a test fails when this file and the contracts differ. Payloads are JSON (UTF-8), header values are text. Delivery is at least once: consumers deduplicate (messageId on support.inbound.v1, position on support.events.v1, alertId on support.alerts.v1). A message that fails validation or keeps failing is moved to the topic's dead-letter topic (<topic>.dlq.<version>).",
    },
    defaultContentType: 'application/json',
    servers: {
      local: {
        host: 'localhost:9092',
        protocol: 'kafka',
        description: 'docker compose, or infra/kafka (a local broker from Maven Central jars).',
      },
    },
    channels,
    operations,
    components: { messages },
  };
}

function messageId(topic: AnyTopic): string {
  return topic.name;
}

function jsonSchema(schema: z.ZodType): Json {
  // What a producer must send: the input side (defaults not yet applied, optional fields optional).
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'any' });
  return rest as Json;
}
