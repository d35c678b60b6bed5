import { Kafka, type KafkaConfig, logLevel, Partitioners } from 'kafkajs';
import { readTopicToEnd } from '../kafka/topic-to-end.ts';
import type { DeadLetter } from '../topic/topic-contract.ts';
import { readDeadLetter } from './read-dead-letter.ts';

/** Which dead letters to send back; every given criterion must match. */
export interface DeadLetterFilter {
  /** The topic the message was read from (`support.inbound.v1`). */
  readonly sourceTopic?: string;
  /** The consumer group that gave up on it. */
  readonly group?: string;
  /** The error code (`messaging.handler_failed`, `messaging.invalid_message`, a `PermanentFailure`'s). */
  readonly code?: string;
  /** Dead-lettered at or after this instant (ISO 8601). */
  readonly since?: string;
}

export type ReplayOutcome = 'replayed' | 'would replay' | 'skipped' | 'unreadable';

/** One message of the dead-letter topic and what the replay did with it. */
export interface ReplayEntry {
  readonly partition: number;
  readonly offset: string;
  readonly outcome: ReplayOutcome;
  readonly deadLetter?: DeadLetter;
}

export interface ReplayOptions {
  readonly brokers: readonly string[];
  /** The dead-letter topic to read (`support.inbound.dlq.v1`). */
  readonly topic: string;
  readonly filter?: DeadLetterFilter;
  /** Lists what would be replayed and sends nothing. */
  readonly dryRun?: boolean;
  /** Told of every message read, in order per partition. */
  readonly onEntry?: (entry: ReplayEntry) => void;
  /** Longest the whole replay may take (60 s). */
  readonly timeoutMs?: number;
  /** More kafkajs client settings (SSL, SASL…). */
  readonly kafka?: Partial<KafkaConfig>;
}

export type ReplaySummary = Record<ReplayOutcome, number>;

export function matches(deadLetter: DeadLetter, filter: DeadLetterFilter = {}): boolean {
  return (
    (filter.sourceTopic === undefined || deadLetter.sourceTopic === filter.sourceTopic) &&
    (filter.group === undefined || deadLetter.group === filter.group) &&
    (filter.code === undefined || deadLetter.error.code === filter.code) &&
    (filter.since === undefined || Date.parse(deadLetter.deadLetteredAt) >= Date.parse(filter.since))
  );
}

/**
 * Sends dead letters back to the topic they came from, as they were received: the original key (so
 * the same partition, after the messages that were behind it), headers and bytes. Meant for after the
 * cause is fixed (a consumer's bug, a dependency that was down). It reads the dead-letter topic up to
 * its end as of the start (`readTopicToEnd`), so what a replay dead-letters again waits for the next replay, and it
 * commits nothing: each run reads the whole topic, and the filter says what to send. Every group of
 * the source topic receives a replayed message again; they are idempotent, so only the group that
 * failed on it acts.
 */
export async function replayDeadLetters(options: ReplayOptions): Promise<ReplaySummary> {
  const summary: ReplaySummary = { replayed: 0, 'would replay': 0, skipped: 0, unreadable: 0 };
  const kafka = new Kafka({
    clientId: 'hotline-dead-letters',
    brokers: [...options.brokers],
    logLevel: logLevel.NOTHING,
    ...options.kafka,
  });
  const admin = kafka.admin();
  await admin.connect();
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    // The bus's partitioner: a replayed key lands on the partition its original went to.
    createPartitioner: Partitioners.DefaultPartitioner,
    allowAutoTopicCreation: false,
  });
  let connected: Promise<void> | undefined;
  try {
    await readTopicToEnd(
      kafka,
      admin,
      options.topic,
      async ({ partition, offset, value }) => {
        const entry = await replayOne(value, partition, offset);
        summary[entry.outcome] += 1;
        options.onEntry?.(entry);
      },
      { timeoutMs: options.timeoutMs ?? 60_000, groupPrefix: 'hotline-dead-letters' },
    );
  } finally {
    if (connected !== undefined) await producer.disconnect();
    await admin.disconnect();
  }
  return summary;

  async function replayOne(value: Buffer | null, partition: number, offset: string): Promise<ReplayEntry> {
    const deadLetter = readDeadLetter(value);
    if (deadLetter === undefined) return { partition, offset, outcome: 'unreadable' };
    if (!matches(deadLetter, options.filter)) return { partition, offset, outcome: 'skipped', deadLetter };
    if (options.dryRun) return { partition, offset, outcome: 'would replay', deadLetter };
    connected ??= producer.connect();
    await connected;
    await producer.send({
      topic: deadLetter.sourceTopic,
      acks: -1,
      messages: [
        {
          key: deadLetter.key,
          value: Buffer.from(deadLetter.payload, deadLetter.payloadEncoding === 'base64' ? 'base64' : 'utf8'),
          headers: deadLetter.headers,
        },
      ],
    });
    return { partition, offset, outcome: 'replayed', deadLetter };
  }
}
