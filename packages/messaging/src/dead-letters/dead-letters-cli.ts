import { parseArgs } from 'node:util';
import { exitOnConfigError, loadConfigOrExit } from '@hotline/runtime';
import { z } from 'zod';
import { kafkaSecurityConfigShape, kafkaSecurityFromConfig } from '../kafka/kafka-security.ts';
import { type ReplayEntry, replayDeadLetters } from './dead-letter-replay.ts';

// `npm run dead-letters -- [--topic support.inbound.dlq.v1] [--source t] [--group g] [--code c] [--since iso] [--dry-run]`
// (docs/operations.md, "Replaying dead letters"): the brokers from --brokers or KAFKA_BROKERS, TLS
// and SASL from the processes' variables (KAFKA_SSL_*, KAFKA_SASL_*).
const { values } = parseArgs({
  options: {
    brokers: { type: 'string', default: process.env.KAFKA_BROKERS ?? 'localhost:29092' },
    topic: { type: 'string', default: 'support.inbound.dlq.v1' },
    source: { type: 'string' },
    group: { type: 'string' },
    code: { type: 'string' },
    since: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  process.stdout.write(
    [
      'npm run dead-letters -- [options]: sends dead letters back to the topic they came from',
      '  --brokers host:port,…   Kafka bootstrap brokers (KAFKA_BROKERS, or localhost:29092)',
      '  --topic name            the dead-letter topic to read (support.inbound.dlq.v1)',
      '  --source topic          only those read from this topic',
      '  --group group           only those this consumer group gave up on',
      '  --code code             only those with this error code (messaging.handler_failed…)',
      '  --since instant         only those dead-lettered at or after this ISO 8601 instant',
      '  --dry-run               list what would be replayed, send nothing',
      '',
    ].join('\n'),
  );
  process.exit(0);
}

if (values.since !== undefined && Number.isNaN(Date.parse(values.since))) {
  process.stderr.write(`--since: expected an ISO 8601 instant, e.g. 2026-11-29T08:00:00Z\n`);
  process.exit(1);
}

function describe({ partition, offset, outcome, deadLetter }: ReplayEntry): string {
  const where = `${values.topic}:${partition}:${offset}`;
  if (deadLetter === undefined) return `${outcome.padEnd(12)} ${where} (not a dead letter)`;
  const { sourceTopic, key, group, error, deadLetteredAt } = deadLetter;
  return `${outcome.padEnd(12)} ${where} ${sourceTopic} key=${key ?? '(none)'} group=${group} ${deadLetteredAt} ${error.code}: ${error.message}`;
}

let security: ReturnType<typeof kafkaSecurityFromConfig>;
try {
  security = kafkaSecurityFromConfig(loadConfigOrExit(z.object(kafkaSecurityConfigShape)));
} catch (error) {
  exitOnConfigError(error);
}

const summary = await replayDeadLetters({
  kafka: security,
  brokers: values.brokers.split(',').map((broker) => broker.trim()),
  topic: values.topic,
  filter: {
    ...(values.source !== undefined && { sourceTopic: values.source }),
    ...(values.group !== undefined && { group: values.group }),
    ...(values.code !== undefined && { code: values.code }),
    ...(values.since !== undefined && { since: values.since }),
  },
  dryRun: values['dry-run'],
  onEntry: (entry) => process.stdout.write(`${describe(entry)}\n`),
});
process.stdout.write(
  `${values.topic}: ${summary.replayed} replayed, ${summary['would replay']} to replay (dry run), ${summary.skipped} left by the filter, ${summary.unreadable} unreadable\n`,
);
