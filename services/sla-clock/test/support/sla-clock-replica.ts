// One SLA clock replica in a process of its own, for the tests that kill it with SIGKILL: the SQLite
// file of SQLITE_FILE, timers and the alerts' checkpoint in Redis (REDIS_URL, TIMER_PREFIX) or in
// memory and a SQLite file next to the store, the system clock. Its start, each firing and each alert
// its bus acknowledged are JSON lines of REPORT_FILE; warnings and errors go to stderr, so that a
// test that fails says what the replica ran into.
import { openSync, writeSync } from 'node:fs';
import { openSqliteStore } from '@hotline/eventstore';
import { alertsTopic, InProcessBus, silentLogger, supportTopics } from '@hotline/messaging';
import { domainUpcaster, systemClock } from '@hotline/platform';
import { createLogger } from '@hotline/runtime';
import { Redis } from 'ioredis';
import { alertCoordinationFor } from '../../src/alerts/alert-coordination.ts';
import { createSlaClockService } from '../../src/sla-clock-service.ts';
import { MemoryTimerStore } from '../../src/timers/memory-timer-store.ts';
import { RedisTimerStore } from '../../src/timers/redis-timer-store.ts';

const { SQLITE_FILE, REDIS_URL, TIMER_PREFIX, LEASE_MS, REPORT_FILE } = process.env;
if (SQLITE_FILE === undefined) throw new Error('SQLITE_FILE is required');
if (REPORT_FILE === undefined) throw new Error('REPORT_FILE is required');
// A line is the kernel's once writeSync returns on a file, so a SIGKILL cannot take it back. Not on
// stdout: a pipe the reader is slow to empty makes Node queue the rest in the process, and the kill
// lost it (the alerts of one batch, published and checkpointed, went missing from the test's count).
const reportFd = openSync(REPORT_FILE, 'a');
const report = (line: object) => writeSync(reportFd, `${JSON.stringify(line)}\n`);
const store = await openSqliteStore({ file: SQLITE_FILE, upcast: domainUpcaster, pollIntervalMs: 20 });
const bus = new InProcessBus({ logger: silentLogger });
await bus.ensureTopics(supportTopics);
// The in-process bus dies with the process: what counts is the alerts it acknowledged, as a broker
// would have kept them. Their lines are written before the checkpoint moves.
const publish = bus.publish.bind(bus);
bus.publish = async (topic, messages) => {
  await publish(topic, messages);
  if (topic.name !== alertsTopic.name) return;
  for (const message of messages) report({ alertId: (message.payload as { alertId: string }).alertId });
};
const timers = REDIS_URL ? RedisTimerStore.connect(REDIS_URL, TIMER_PREFIX) : new MemoryTimerStore();
const service = createSlaClockService(
  {
    store,
    bus,
    logger: createLogger({ service: 'replica', level: 'warn', destination: process.stderr }),
    clock: systemClock,
  },
  {
    timers,
    leaseMs: Number(LEASE_MS ?? 2_000),
    alertLeaseMs: Number(LEASE_MS ?? 2_000),
    ...(REDIS_URL
      ? {
          alerts: alertCoordinationFor(
            { store, redis: new Redis(REDIS_URL) },
            { redisPrefix: `${TIMER_PREFIX}:alerts`, leaseTtlMs: Number(LEASE_MS ?? 2_000) },
          ),
        }
      : {}),
    batchSize: 16,
    concurrency: 2,
    onFiring: (firing) => {
      report({ ticketId: firing.ticketId, retry: firing.claim.retry, raised: firing.raised.length });
    },
  },
);
await service.start();
report({ started: true });
