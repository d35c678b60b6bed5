import { inboundTopic, readDeadLetter, readTopicToEnd } from '@hotline/messaging';
import type { Admin, Kafka } from 'kafkajs';
import { groupProgress } from './group-progress.ts';

/** A message of a topic, where it is. */
interface Placed {
  readonly partition: number;
  readonly offset: bigint;
}

const reading = { timeoutMs: 30_000, groupPrefix: 'fault-injection-trace' };

/** A topic, the consumer group that takes its messages in, and where that group dead-letters them. */
export interface InboundPath {
  readonly topic: string;
  readonly group: string;
  readonly deadLetters: string | undefined;
}

/** Upstream systems' messages, taken in by intake. */
const intakePath: InboundPath = {
  topic: inboundTopic.name,
  group: 'intake',
  deadLetters: inboundTopic.deadLetter?.name,
};

/**
 * Where inbound messages the broker acknowledged went, when their tickets are not in the store: on
 * their topic (`support.inbound.v1`) or not (the broker lost an acknowledged write), passed by the consuming
 * group's committed offset (consumed without being stored) or not yet, or dead-lettered (and why).
 * One line per key, for a failing check to say which side lost the ticket.
 */
export async function traceInbound(
  kafka: Kafka,
  admin: Admin,
  keys: readonly string[],
  where: InboundPath = intakePath,
): Promise<string[]> {
  const { topic, deadLetters: dlq, group } = where;
  const wanted = new Set(keys);
  const found = new Map<string, Placed[]>();
  const deadLetters = new Map<string, string[]>();
  await readTopicToEnd(
    kafka,
    admin,
    topic,
    ({ key, partition, offset }) => {
      const text = key?.toString('utf8');
      if (text !== undefined && wanted.has(text))
        found.set(text, [...(found.get(text) ?? []), { partition, offset: BigInt(offset) }]);
    },
    reading,
  );
  if (dlq !== undefined) {
    await readTopicToEnd(
      kafka,
      admin,
      dlq,
      (at) => {
        const deadLetter = readDeadLetter(at.value);
        if (deadLetter?.key == null || !wanted.has(deadLetter.key)) return;
        const { key, group: by, attempts, error, partition, offset } = deadLetter;
        const why = `dead-lettered by ${by} after ${attempts} attempts (${error.code}: ${error.message}), from partition ${partition} offset ${offset}, at ${dlq} partition ${at.partition} offset ${at.offset}`;
        deadLetters.set(key, [...(deadLetters.get(key) ?? []), why]);
      },
      reading,
    );
  }
  const committed = new Map((await groupProgress(admin, group, topic)).map((each) => [each.partition, each.committed]));
  return keys.map((key) => {
    const where = found.get(key) ?? [];
    const said = deadLetters.get(key);
    if (where.length === 0) {
      return `${key}: not on ${topic}${said === undefined ? ': the broker acknowledged it and does not hold it' : `; ${said.join('; ')}`}`;
    }
    const places = where.map(({ partition, offset }) => {
      const upTo = committed.get(partition) ?? -1n;
      const state =
        upTo > offset
          ? `which ${group} committed past (${upTo}): consumed`
          : `which ${group} has not reached (committed ${upTo < 0n ? 'nothing' : upTo})`;
      return `partition ${partition} offset ${offset}, ${state}`;
    });
    return `${key}: on ${topic} at ${places.join(' and ')}${said === undefined ? ', never dead-lettered' : `; ${said.join('; ')}`}`;
  });
}
