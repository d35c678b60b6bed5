import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { asyncApiPath, asyncApiYaml } from '../../test/support/asyncapi-yaml.ts';
import { supportTopics, withDeadLetters } from '../index.ts';
import { asyncApiDocument } from './asyncapi-document.ts';
import { topicExamples } from './examples.ts';

describe('the AsyncAPI document', () => {
  it('is docs/asyncapi.yaml as the contracts generate it (run the asyncapi script when this fails)', () => {
    expect(readFileSync(asyncApiPath, 'utf8')).toBe(asyncApiYaml());
  });

  it('has a channel, with its partitions, for every topic and dead-letter topic', () => {
    const document = asyncApiDocument() as {
      channels: Record<string, { bindings: { kafka: { partitions: number } } }>;
    };
    for (const topic of withDeadLetters(supportTopics)) {
      expect(document.channels[topic.name]?.bindings.kafka.partitions, topic.name).toBe(topic.partitions);
    }
  });

  it("references only what exists (every operation's channel and message)", () => {
    const document = asyncApiDocument();
    const resolve = (ref: string) =>
      ref
        .slice(2)
        .split('/')
        .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], document);
    const refs = JSON.stringify(document).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(resolve(JSON.parse(`{${ref}}`).$ref), ref).toBeDefined();
  });

  it('shows examples that the contracts accept', () => {
    for (const topic of supportTopics) {
      for (const example of topicExamples[topic.name] ?? []) {
        expect(topic.payload.safeParse(example.payload).success, `${topic.name} ${example.name}`).toBe(true);
        expect(topic.headers.safeParse(example.headers ?? {}).success, `${topic.name} ${example.name} headers`).toBe(
          true,
        );
      }
    }
  });

  it('tells integrators what each inbound kind must carry', () => {
    const yaml = readFileSync(asyncApiPath, 'utf8');
    for (const kind of ['ticket.submitted', 'ticket.client_message', 'complaint.filed', 'penalty.claimed']) {
      expect(yaml).toContain(kind);
    }
  });
});
