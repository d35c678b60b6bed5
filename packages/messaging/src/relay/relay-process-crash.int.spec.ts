import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSqliteStore } from '@hotline/eventstore';
import { kafkaInTests } from '@hotline/testkit';
import { afterAll, describe, expect, it } from 'vitest';
import { appendTickets, testEventsTopic } from '../../test/relay-scenarios.ts';
import { eventually } from '../../test/support/eventually.ts';
import { closeRedisClients, keyPrefix, noRedis, redis, redisClient } from '../../test/support/redis.ts';
import { idempotentEventHandler, KafkaBus, MemoryCheckpointedState, silentLogger } from '../index.ts';
import { EventRelay } from './event-relay.ts';
import { RedisRelayCoordination } from './redis-relay-coordination.ts';

const kafka = kafkaInTests();
const skip = !kafka.available ? kafka.reason : noRedis;
const relayProcess = fileURLToPath(new URL('../../test/workers/relay-process.ts', import.meta.url));

describe.skipIf(skip !== undefined)(`a relay process killed mid-stream${skip ? ` (skipped: ${skip})` : ''}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-relay-crash-'));
  afterAll(async () => {
    await closeRedisClients();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is followed by a relay that resumes from its checkpoint: nothing lost, duplicates without effect', async () => {
    if (!kafka.available || !redis.available) return;
    const file = join(dir, 'events.sqlite');
    const store = await openSqliteStore({ file });
    const topic = testEventsTopic(6);
    const prefix = keyPrefix();
    const bus = new KafkaBus({
      brokers: kafka.endpoint.brokers,
      logger: silentLogger,
      sessionTimeoutMs: 3000,
      maxWaitTimeInMs: 100,
    });
    const state = new MemoryCheckpointedState<number>();
    const outcomes = { applied: 0, duplicate: 0 };
    const consumer = await bus.consume({
      group: 'reader',
      topic,
      handler: idempotentEventHandler(
        state,
        (count) => (count ?? 0) + 1,
        (_event, outcome) => {
          outcomes[outcome] += 1;
        },
      ),
    });
    await appendTickets(store, 20, 100);
    const coordination = new RedisRelayCoordination({ redis: redisClient(), prefix, leaseTtlMs: 1000 });
    const child = spawn(
      process.execPath,
      [
        relayProcess,
        kafka.endpoint.brokers.join(','),
        redis.endpoint.url,
        prefix,
        file,
        topic.name,
        String(topic.partitions),
      ],
      { stdio: 'ignore' },
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await eventually(async () => expect(await coordination.load()).toBeGreaterThan(300n));
    child.kill('SIGKILL');
    await exited;
    const checkpointAtCrash = await coordination.load();
    await appendTickets(store, 20, 20, 100);
    const successor = new EventRelay({
      store,
      bus,
      checkpoints: coordination,
      leadership: coordination,
      topic,
      logger: silentLogger,
    }).start();
    await successor.waitFor(await store.headPosition());
    await eventually(() => expect(outcomes.applied).toBe(2400));
    for (let ticket = 0; ticket < 20; ticket += 1) expect((await state.get(`ticket-${ticket}`))?.state).toBe(120);
    expect(checkpointAtCrash).toBeGreaterThan(0n);
    await successor.stop();
    await consumer.stop();
    await bus.close();
    await store.close();
  });
});
