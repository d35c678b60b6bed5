import type { Admin } from 'kafkajs';
import type { AnyTopic } from '../topic/topic-contract.ts';

/**
 * Creates the missing topics with their contract's partition count and waits for their leaders:
 * on KRaft, producing to or subscribing to a topic that does not exist yet fails, and a broker's
 * auto-creation would pick its own default partition count.
 */
export async function createMissingTopics(
  admin: Admin,
  topics: readonly AnyTopic[],
  replicationFactor: number,
): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const missing = topics.filter((topic) => !existing.has(topic.name));
  if (missing.length === 0) return;
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({ topic: topic.name, numPartitions: topic.partitions, replicationFactor })),
    });
  } catch (error) {
    // Another process may create the same topics at the same moment: that is the outcome we wanted.
    if (!isAlreadyExists(error)) throw error;
  }
}

function isAlreadyExists(error: unknown): boolean {
  const { type, errors } = error as { type?: string; errors?: { type?: string }[] };
  if (type === 'TOPIC_ALREADY_EXISTS') return true;
  return Array.isArray(errors) && errors.length > 0 && errors.every((e) => e.type === 'TOPIC_ALREADY_EXISTS');
}
