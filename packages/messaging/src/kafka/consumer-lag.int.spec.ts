import { createHttpServer, createLogger, createMetrics } from '@hotline/runtime';
import { kafkaInTests } from '@hotline/testkit';
import { afterAll, describe, expect, it } from 'vitest';
import { eventually } from '../../test/support/eventually.ts';
import { testTopic, uniqueGroup } from '../../test/support/test-topics.ts';
import { KafkaBus, silentLogger } from '../index.ts';

const kafka = kafkaInTests();

/** The consumer lag of `group` on `/metrics`, summed over the partitions this process owns. */
function lagOn(metricsText: string, group: string): number | undefined {
  const lines = metricsText.split('\n').filter((line) => line.startsWith('hotline_consumer_lag_messages{'));
  const mine = lines.filter((line) => line.includes(`group="${group}"`));
  if (mine.length === 0) return undefined;
  return mine.reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

describe.skipIf(!kafka.available)(
  `consumer lag on /metrics${kafka.available ? '' : ` (skipped: ${kafka.reason})`}`,
  () => {
    const closing: (() => Promise<unknown>)[] = [];
    afterAll(async () => {
      for (const close of closing.reverse()) await close();
    });

    it('shows the messages a paused consumer has not handled, and 0 once it caught up', async () => {
      if (!kafka.available) return;
      const bus = new KafkaBus({ brokers: kafka.endpoint.brokers, logger: silentLogger, maxWaitTimeInMs: 100 });
      closing.push(() => bus.close());
      const app = await createHttpServer({
        service: 'lag-test',
        logger: createLogger({ service: 'lag-test', level: 'silent' }),
        openapi: { title: 'lag', version: '1' },
        metrics: createMetrics({ service: 'lag-test', defaultMetrics: false }),
      });
      closing.push(() => app.close());
      const lag = bus.exportConsumerLag(app.metrics, { intervalMs: 60_000 });
      const scrape = async () => {
        await lag.update();
        return lagOn((await app.inject({ method: 'GET', url: '/metrics' })).body, group);
      };

      const topic = testTopic(2);
      const group = uniqueGroup();
      let release: () => void = () => {};
      const paused = new Promise<void>((resolve) => {
        release = resolve;
      });
      let handled = 0;
      const consumer = await bus.consume({
        group,
        topic,
        handler: async () => {
          // The consumer is stuck on its first message until the test releases it.
          await paused;
          handled += 1;
        },
      });
      await consumer.ready;
      await bus.publish(
        topic,
        Array.from({ length: 10 }, (_, sequence) => ({ key: `k-${sequence % 4}`, payload: { sequence } })),
      );

      // Nothing is committed while the handler waits: every message shows, on the partitions it owns.
      await eventually(async () => expect(await scrape()).toBe(10), 20_000, 200);

      release();
      await eventually(() => expect(handled).toBe(10), 20_000);
      await eventually(async () => expect(await scrape()).toBe(0), 20_000, 200);

      // A stopped member owns no partition: its series leave the gauge.
      await consumer.stop();
      expect(await scrape()).toBeUndefined();
    });
  },
);
