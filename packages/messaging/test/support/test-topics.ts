import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { defineTopic } from '../../src/index.ts';

export const orderSchema = z.object({ sequence: z.number().int().nonnegative(), note: z.string().optional() });

/** A topic of its own for one test, so tests sharing a broker never see each other's messages. */
export function testTopic(partitions = 3) {
  return testTopicNamed(`test.${randomUUID()}.v1`, partitions);
}

export function testTopicNamed(name: string, partitions: number) {
  return defineTopic({
    name,
    partitions,
    title: 'test',
    description: 'a topic of one test',
    key: 'anything',
    payload: orderSchema,
  });
}

/** The same topic seen by a producer that checks nothing: how a poison message gets in. */
export function uncheckedView(topic: { name: string; partitions: number }) {
  return defineTopic({
    name: topic.name,
    partitions: topic.partitions,
    title: 'unchecked',
    description: 'no schema',
    key: 'anything',
    payload: z.unknown(),
    deadLetter: false,
  });
}

export function uniqueGroup(): string {
  return `group-${randomUUID()}`;
}
