import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { kafkaInTests, titled } from '@hotline/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../../test/support/eventually.ts';
import { testTopic, uncheckedView, uniqueGroup } from '../../test/support/test-topics.ts';
import { type Consumer, KafkaBus, PermanentFailure, silentLogger } from '../index.ts';
import { type ReplayEntry, replayDeadLetters } from './dead-letter-replay.ts';

const kafka = kafkaInTests();
const cli = fileURLToPath(new URL('./dead-letters-cli.ts', import.meta.url));
const run = promisify(execFile);

describe.skipIf(!kafka.available)(titled('replaying dead letters on a real broker', kafka), () => {
  const closing: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closing.splice(0).reverse()) await close();
  });

  /** A consumer that refuses sequences in `broken` for good: they go to the dead-letter topic. */
  async function scene() {
    if (!kafka.available) throw new Error(kafka.reason);
    const { brokers, minSessionTimeoutMs } = kafka.endpoint;
    const bus = new KafkaBus({ brokers, logger: silentLogger, sessionTimeoutMs: Math.max(minSessionTimeoutMs, 2000) });
    closing.push(() => bus.close());
    const topic = testTopic(3);
    const broken = new Set([1, 2]);
    const handled: number[] = [];
    const consumer: Consumer = await bus.consume({
      group: uniqueGroup(),
      topic,
      fromBeginning: true,
      handler: async ({ payload }) => {
        if (broken.has(payload.sequence))
          throw new PermanentFailure('test.broken', `sequence ${payload.sequence} refused`);
        handled.push(payload.sequence);
      },
    });
    closing.push(() => consumer.stop());
    await bus.publish(
      topic,
      [0, 1, 2, 3].map((sequence) => ({ key: `key-${sequence}`, payload: { sequence } })),
    );
    // And a message no fix can save: it fails validation.
    await bus.publish(uncheckedView(topic), [{ key: 'poison', payload: { sequence: 'not a number' } }]);
    const deadLetterTopic = topic.deadLetter!.name;
    await eventually(() => expect(handled.sort()).toEqual([0, 3]));
    return { brokers, topic, deadLetterTopic, broken, handled };
  }

  it('sends back what the filter names, as it was, once the consumer is fixed; the rest stays', async () => {
    const { brokers, deadLetterTopic, broken, handled } = await scene();
    const entries: ReplayEntry[] = [];
    // The dead letters may still be on their way: the replay reads what is there when it starts.
    await eventually(async () => {
      const dry = await replayDeadLetters({ brokers, topic: deadLetterTopic, dryRun: true });
      expect(dry).toEqual({ replayed: 0, 'would replay': 3, skipped: 0, unreadable: 0 });
    });

    broken.clear();
    const summary = await replayDeadLetters({
      brokers,
      topic: deadLetterTopic,
      filter: { code: 'test.broken' },
      onEntry: (entry) => entries.push(entry),
    });
    expect(summary).toEqual({ replayed: 2, 'would replay': 0, skipped: 1, unreadable: 0 });
    expect(entries.filter(({ outcome }) => outcome === 'skipped').map(({ deadLetter }) => deadLetter?.key)).toEqual([
      'poison',
    ]);
    await eventually(() => expect(handled.sort()).toEqual([0, 1, 2, 3]));
  });

  it('replays nothing in a dry run, and says so from the command line', async () => {
    const { brokers, deadLetterTopic, handled } = await scene();
    await eventually(async () => {
      const { stdout } = await run(process.execPath, [
        cli,
        '--brokers',
        brokers.join(','),
        '--topic',
        deadLetterTopic,
        '--code',
        'messaging.invalid_message',
        '--dry-run',
      ]);
      expect(stdout).toContain(
        `${deadLetterTopic}: 0 replayed, 1 to replay (dry run), 2 left by the filter, 0 unreadable`,
      );
      expect(stdout).toMatch(/would replay .* key=poison .* messaging\.invalid_message: payload: sequence:/);
    });
    expect(handled.sort()).toEqual([0, 3]);
  });
});
