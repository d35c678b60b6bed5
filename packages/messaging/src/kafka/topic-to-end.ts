import { randomUUID } from 'node:crypto';
import type { Admin, Kafka } from 'kafkajs';

/** A message as a reader of a whole topic gets it. */
export interface TopicMessage {
  readonly partition: number;
  readonly offset: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
}

export interface TopicToEndOptions {
  /** Longest the whole read may take. */
  readonly timeoutMs: number;
  /** The start of the name of the read's consumer group (a random suffix follows). */
  readonly groupPrefix: string;
}

/**
 * Reads a topic from its start to the ends it has when called (what is published meanwhile is left
 * for the next read), handing each message over in order per partition, the next once `each`
 * settled. The consumer group is the read's own and deleted afterwards, so the read commits nothing
 * that lasts and reads the whole topic each time. Resolves at once on an empty topic.
 */
export async function readTopicToEnd(
  kafka: Kafka,
  admin: Admin,
  topic: string,
  each: (message: TopicMessage) => void | Promise<void>,
  options: TopicToEndOptions,
): Promise<void> {
  const ends = new Map<number, bigint>();
  for (const { partition, low, high } of await admin.fetchTopicOffsets(topic)) {
    if (BigInt(high) > BigInt(low)) ends.set(partition, BigInt(high));
  }
  if (ends.size === 0) return;
  const groupId = `${options.groupPrefix}-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${topic} was not read to its end within ${options.timeoutMs} ms`)),
        options.timeoutMs,
      );
      const finish = (error?: unknown) => {
        clearTimeout(timer);
        if (error === undefined) resolve();
        else reject(error);
      };
      consumer
        .run({
          eachMessage: async ({ partition, message }) => {
            const end = ends.get(partition);
            const offset = BigInt(message.offset);
            if (end === undefined || offset >= end) return;
            await each({ partition, offset: message.offset, key: message.key, value: message.value });
            if (offset + 1n >= end) ends.delete(partition);
            if (ends.size === 0) finish();
          },
        })
        .catch(finish);
    });
  } finally {
    await consumer.disconnect();
    await admin.deleteGroups([groupId]).catch(() => {});
  }
}
