// One SLA clock replica in a process of its own, for the tests that kill it with SIGKILL: the SQLite
// file of SQLITE_FILE, timers in Redis (REDIS_URL, TIMER_PREFIX) or in memory, the system clock.
// Each firing is one JSON line on stdout.
import { openSqliteStore } from '@hotline/eventstore';
import { InProcessBus, silentLogger, supportTopics } from '@hotline/messaging';
import { domainUpcaster, systemClock } from '@hotline/platform';
import { createLogger } from '@hotline/runtime';
import { createSlaClockService } from '../../src/sla-clock-service.ts';
import { MemoryTimerStore } from '../../src/timers/memory-timer-store.ts';
import { RedisTimerStore } from '../../src/timers/redis-timer-store.ts';

const { SQLITE_FILE, REDIS_URL, TIMER_PREFIX, LEASE_MS } = process.env;
if (SQLITE_FILE === undefined) throw new Error('SQLITE_FILE is required');
const store = await openSqliteStore({ file: SQLITE_FILE, upcast: domainUpcaster, pollIntervalMs: 20 });
const bus = new InProcessBus({ logger: silentLogger });
await bus.ensureTopics(supportTopics);
const timers = REDIS_URL ? RedisTimerStore.connect(REDIS_URL, TIMER_PREFIX) : new MemoryTimerStore();
const service = createSlaClockService(
  { store, bus, logger: createLogger({ service: 'replica', level: 'silent' }), clock: systemClock },
  {
    timers,
    leaseMs: Number(LEASE_MS ?? 2_000),
    batchSize: 16,
    concurrency: 2,
    onFiring: (firing) => {
      const line = { ticketId: firing.ticketId, retry: firing.claim.retry, raised: firing.raised.length };
      process.stdout.write(`${JSON.stringify(line)}\n`);
    },
  },
);
await service.start();
process.stdout.write(`${JSON.stringify({ started: true })}\n`);
