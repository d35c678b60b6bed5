import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { acmeMaintenanceTerms, signedContract } from '@hotline/domain';
import { type EventStore, openSqliteStore, type RecordedEvent } from '@hotline/eventstore';
import { domainUpcaster, streams } from '@hotline/platform';
import { titled } from '@hotline/testkit';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { appendTo } from './sla-clock-harness.ts';
import { signAcmeContract } from './support/contract-events.ts';
import { closeRedisClients, keyPrefix, redis, redisClient } from './support/redis.ts';
import { auditSlaFacts } from './support/sla-audit.ts';
import { tickets } from './support/ticket-events.ts';

const worker = fileURLToPath(new URL('./support/sla-clock-replica.ts', import.meta.url));
const contract = signedContract('ACME-M', 'ACME', acmeMaintenanceTerms);
const TICKETS = 600;
const FACTS = TICKETS * 9;

type Firing = { ticketId: string; retry: boolean; raised: number };

interface Replica {
  readonly process: ChildProcess;
  /** Its firings so far, as its report file holds them. */
  readonly firings: Firing[];
  /** The ids of the alerts its bus delivered so far. */
  readonly alerts: string[];
  readonly started: Promise<void>;
  /** How it ended, once it has: a replica that dies unasked explains a shortfall. */
  readonly ended: () => string;
}

/** The lines of a replica's report file, read as they come (a line not yet whole waits for its end). */
class ReplicaReport {
  readonly firings: Firing[] = [];
  readonly alerts: string[] = [];
  started = false;
  #file: string;
  #offset = 0;
  #partial = '';

  constructor(file: string) {
    this.#file = file;
  }

  read(): this {
    if (!existsSync(this.#file)) return this;
    const fd = openSync(this.#file, 'r');
    try {
      const chunk = Buffer.alloc(1 << 16);
      for (let size = readSync(fd, chunk, 0, chunk.length, this.#offset); size > 0; ) {
        this.#offset += size;
        this.#partial += chunk.subarray(0, size).toString('utf8');
        size = readSync(fd, chunk, 0, chunk.length, this.#offset);
      }
    } finally {
      closeSync(fd);
    }
    const lines = this.#partial.split('\n');
    this.#partial = lines.pop() ?? '';
    for (const line of lines) {
      const message = JSON.parse(line) as { started?: true; alertId?: string } & Firing;
      if (message.started) this.started = true;
      else if (message.alertId !== undefined) this.alerts.push(message.alertId);
      else this.firings.push(message);
    }
    return this;
  }
}

const running: ChildProcess[] = [];
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const child of running.splice(0)) child.kill('SIGKILL');
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * A replica reporting to a file of its own: what it wrote there before a SIGKILL stays, where lines
 * on a pipe the test was slow to read were lost with the process.
 */
function replica(env: Record<string, string>, reportFile: string): Replica {
  const child = spawn(process.execPath, [worker], {
    env: { ...process.env, ...env, REPORT_FILE: reportFile },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  running.push(child);
  const report = new ReplicaReport(reportFile);
  let ended: string | undefined;
  child.once('exit', (code, signal) => {
    ended = `exited (code ${code}, signal ${signal})`;
  });
  const started = (async () => {
    while (!report.read().started) {
      if (ended !== undefined) throw new Error(`the replica ${ended} before it started`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  return {
    process: child,
    get firings() {
      return report.read().firings;
    },
    get alerts() {
      return report.read().alerts;
    },
    started,
    ended: () => ended ?? 'running',
  };
}

const raisedBy = (firings: readonly Firing[]) => firings.reduce((sum, firing) => sum + firing.raised, 0);

async function slaFactEvents(store: EventStore): Promise<RecordedEvent[]> {
  return (await store.readAll()).filter((event) => event.stream.startsWith('sla-'));
}

async function slaFacts(store: EventStore): Promise<number> {
  return (await slaFactEvents(store)).length;
}

async function slaFactIds(store: EventStore): Promise<string[]> {
  return (await slaFactEvents(store)).map((event) => event.id);
}

/** Which facts no alert was seen for, and where the dispatcher's checkpoint stands, when an alert is missing. */
async function shortfall(
  store: EventStore,
  alerted: readonly string[],
  timerPrefix: string | undefined,
): Promise<string> {
  const seen = new Set(alerted);
  const facts = await slaFactEvents(store);
  const missing = facts.filter((fact) => !seen.has(fact.id)).map((fact) => fact.position);
  const checkpoint =
    timerPrefix === undefined ? 'in the SQLite file' : await redisClient().get(`${timerPrefix}:alerts:checkpoint`);
  const lease = timerPrefix === undefined ? '' : `, lease ${await redisClient().get(`${timerPrefix}:alerts:lease`)}`;
  return `[sla-clock] ${missing.length} facts without an alert, at positions ${missing.join(' ')}; last fact at ${facts.at(-1)?.position}; alerts checkpoint ${checkpoint}${lease}`;
}

/** A store holding tickets received a month ago and never touched: all nine crossings of each are past. */
async function lateTickets(): Promise<{ dir: string; file: string; store: EventStore }> {
  const dir = mkdtempSync(join(tmpdir(), 'sla-clock-kill-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'events.sqlite');
  const store = await openSqliteStore({ file, upcast: domainUpcaster, pollIntervalMs: 20 });
  cleanups.push(() => store.close());
  await signAcmeContract(store);
  const monthAgo = Date.now() - 30 * 86_400_000;
  await Promise.all(
    Array.from({ length: TICKETS }, (_, index) => {
      const event = tickets.received(`K-${index}`, index % 2 === 0 ? 'P1' : 'P2', monthAgo + index * 1_000);
      return appendTo(store, streams.ticket(event.ticketId), event);
    }),
  );
  return { dir, file, store };
}

const modes: [string, () => Record<string, string>][] = [
  ['embedded: timers in memory, rebuilt from the SQLite file', () => ({})],
  [
    'distributed: timers in Redis, a lease left by the killed replica',
    () => (redis.available ? { REDIS_URL: redis.endpoint.url, TIMER_PREFIX: keyPrefix() } : {}),
  ],
];

describe('a replica killed in the middle of firing', () => {
  afterAll(closeRedisClients);

  describe.each(modes)('%s', (name, timersOf) => {
    const needsRedis = name.startsWith('distributed');
    it.skipIf(needsRedis && !redis.available)(
      titled(
        'loses no timer and raises no crossing twice after a restart',
        needsRedis ? redis : { available: true, endpoint: null },
      ),
      async () => {
        const { dir, file, store } = await lateTickets();
        const env: Record<string, string> = { SQLITE_FILE: file, LEASE_MS: '1500', ...timersOf() };
        const first = replica(env, join(dir, 'first.jsonl'));
        await first.started;
        await expect.poll(() => first.firings.length, { timeout: 20_000, interval: 5 }).toBeGreaterThan(40);
        first.process.kill('SIGKILL');
        await new Promise((resolve) => first.process.once('exit', resolve));
        const raisedBeforeKill = await slaFacts(store);
        const leased = needsRedis ? await redisClient().hlen(`{${env.TIMER_PREFIX}}:leases`) : 0;
        expect(raisedBeforeKill).toBeLessThan(FACTS);

        const second = replica(env, join(dir, 'second.jsonl'));
        await second.started;
        await expect.poll(() => slaFacts(store), { timeout: 30_000, interval: 200 }).toBe(FACTS);

        const audit = await auditSlaFacts(store, (id) => (id === 'ACME-M' ? contract : undefined), Date.now(), false);
        expect(audit.problems).toEqual([]);
        expect(audit.facts).toBe(FACTS);
        // Each fact was written by one firing of one replica: none twice, none lost with the first one.
        // A firing is reported once its append is done, so its line may come a moment after its facts.
        await expect
          .poll(() => raisedBeforeKill + raisedBy(second.firings), { timeout: 10_000, interval: 50 })
          .toBe(FACTS);
        expect(raisedBy([...first.firings, ...second.firings])).toBeLessThanOrEqual(FACTS);
        // Every fact's alert reached a bus: those the killed replica had not sent (appended, then killed
        // before the publish, or not yet dispatched) came from the second one, from the checkpoint on.
        const ids = await slaFactIds(store);
        await expect
          .poll(() => new Set([...first.alerts, ...second.alerts]).size, { timeout: 30_000, interval: 200 })
          .toBe(FACTS)
          .catch(async (error: unknown) => {
            const alerted = [...first.alerts, ...second.alerts];
            console.error(`${await shortfall(store, alerted, env.TIMER_PREFIX)}; second replica ${second.ended()}`);
            throw error;
          });
        expect(new Set([...first.alerts, ...second.alerts])).toEqual(new Set(ids));
        expect(new Set(second.alerts).size).toBe(second.alerts.length);
        // At least once: the second replica repeats only what the first sent and could not checkpoint.
        const repeated = second.alerts.filter((id) => first.alerts.includes(id)).length;
        expect(repeated).toBeLessThanOrEqual(1_000);
        const retries = second.firings.filter((firing) => firing.retry).length;
        console.info(
          `[sla-clock] ${name}: ${raisedBeforeKill} of ${FACTS} facts raised before SIGKILL (${first.alerts.length} alerted), ${leased} timers leased by the dead replica, ${retries} retried after their lease lapsed; ${repeated} alerts sent again after the restart`,
        );
      },
      60_000,
    );
  });
});
