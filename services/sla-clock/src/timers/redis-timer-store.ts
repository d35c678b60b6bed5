import { Redis } from 'ioredis';
import type { TimerClaim, TimerSchedule, TimerStore } from './timer-store.ts';

// Every script takes the keys in one order: KEYS[1] timers (sorted set), KEYS[2] versions, KEYS[3] leases.
// Versions are global positions as decimal strings (bigints may pass 2^53, Lua numbers are doubles):
// without leading zeros, the longer string is the larger number.
const scheduleScript = `
local function newer(a, b)
  if #a ~= #b then return #a > #b end
  return a > b
end
local written = 0
for i = 1, #ARGV, 4 do
  local id, version, at, forget = ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3]
  local current = redis.call('hget', KEYS[2], id)
  if (not current) or newer(version, current) then
    if at == '' then redis.call('zrem', KEYS[1], id) else redis.call('zadd', KEYS[1], at, id) end
    redis.call('hdel', KEYS[3], id)
    if forget == '1' then redis.call('hdel', KEYS[2], id) else redis.call('hset', KEYS[2], id, version) end
    written = written + 1
  end
end
return written`;

// Taking and leasing in one script is what makes a timer fire on one replica only: Redis runs a
// script alone, so two replicas never read the same due member before one of them moved it.
const claimScript = `
local due = redis.call('zrangebyscore', KEYS[1], '-inf', ARGV[1], 'WITHSCORES', 'LIMIT', 0, ARGV[2])
local claims = {}
for i = 1, #due, 2 do
  local id = due[i]
  local lapsed = redis.call('hexists', KEYS[3], id)
  redis.call('zadd', KEYS[1], ARGV[3], id)
  redis.call('hset', KEYS[3], id, ARGV[3])
  claims[#claims + 1] = id
  claims[#claims + 1] = due[i + 1]
  claims[#claims + 1] = redis.call('hget', KEYS[2], id) or ''
  claims[#claims + 1] = lapsed
end
return claims`;

const completeScript = `
if redis.call('hget', KEYS[3], ARGV[1]) ~= ARGV[2] then return 0 end
if (redis.call('hget', KEYS[2], ARGV[1]) or '') ~= ARGV[3] then return 0 end
redis.call('hdel', KEYS[3], ARGV[1])
if ARGV[4] == '' then redis.call('zrem', KEYS[1], ARGV[1]) else redis.call('zadd', KEYS[1], ARGV[4], ARGV[1]) end
return 1`;

type Script = (...args: (string | number)[]) => Promise<unknown>;

export interface RedisTimerStoreOptions {
  readonly redis: Redis;
  /** Keys are `{<prefix>}:timers` (sorted set), `:versions` and `:leases` (hashes); `sla-clock` by default. */
  readonly prefix?: string;
  /** Closes the connection with the store (when the store opened it). */
  readonly ownsConnection?: boolean;
}

/** Writes at most this many schedules per script call: long scripts block every other Redis client. */
const SCHEDULE_CHUNK = 500;

/**
 * The distributed mode's timers, shared by every sla-clock replica: a sorted set of ticket ids by
 * due instant, the version of each schedule, and the leases of claimed timers. Every change is one
 * Lua script, so replicas see each other's writes whole.
 */
export class RedisTimerStore implements TimerStore {
  readonly shared = true;
  #redis: Redis;
  #keys: readonly [string, string, string];
  #ownsConnection: boolean;
  #schedule: Script;
  #claim: Script;
  #complete: Script;

  static connect(url: string, prefix?: string): RedisTimerStore {
    // Commands wait for a reconnection instead of failing after a few retries: a timer is better late than lost.
    const redis = new Redis(url, { maxRetriesPerRequest: null });
    return new RedisTimerStore({ redis, ownsConnection: true, ...(prefix === undefined ? {} : { prefix }) });
  }

  constructor(options: RedisTimerStoreOptions) {
    const prefix = options.prefix ?? 'sla-clock';
    this.#redis = options.redis;
    this.#ownsConnection = options.ownsConnection ?? false;
    // One hash tag for the three keys: a script may only touch keys of one slot on Redis Cluster.
    this.#keys = [`{${prefix}}:timers`, `{${prefix}}:versions`, `{${prefix}}:leases`];
    this.#schedule = this.#define('slaClockSchedule', scheduleScript);
    this.#claim = this.#define('slaClockClaim', claimScript);
    this.#complete = this.#define('slaClockComplete', completeScript);
  }

  async schedule(schedules: readonly TimerSchedule[]): Promise<void> {
    const [timers, versions, leases] = this.#keys;
    for (let start = 0; start < schedules.length; start += SCHEDULE_CHUNK) {
      const args: string[] = [];
      for (const { ticketId, at, version, forget } of schedules.slice(start, start + SCHEDULE_CHUNK)) {
        args.push(ticketId, version.toString(), at === null ? '' : String(at), forget ? '1' : '0');
      }
      await this.#schedule(timers, versions, leases, ...args);
    }
  }

  async claimDue(now: number, limit: number, leaseUntil: number): Promise<TimerClaim[]> {
    const [timers, versions, leases] = this.#keys;
    const reply = (await this.#claim(timers, versions, leases, String(now), String(limit), String(leaseUntil))) as (
      | string
      | number
    )[];
    const claims: TimerClaim[] = [];
    for (let index = 0; index < reply.length; index += 4) {
      const version = String(reply[index + 2]);
      claims.push({
        ticketId: String(reply[index]),
        at: Number(reply[index + 1]),
        version: version === '' ? null : BigInt(version),
        leaseUntil,
        retry: Number(reply[index + 3]) === 1,
      });
    }
    return claims;
  }

  async complete(claim: TimerClaim, nextAt: number | null): Promise<boolean> {
    const [timers, versions, leases] = this.#keys;
    const done = await this.#complete(
      timers,
      versions,
      leases,
      claim.ticketId,
      String(claim.leaseUntil),
      claim.version === null ? '' : claim.version.toString(),
      nextAt === null ? '' : String(nextAt),
    );
    return Number(done) === 1;
  }

  async nextAt(): Promise<number | null> {
    const [, score] = await this.#redis.zrange(this.#keys[0], '0', '0', 'WITHSCORES');
    return score === undefined ? null : Number(score);
  }

  async size(): Promise<number> {
    return this.#redis.zcard(this.#keys[0]);
  }

  async close(): Promise<void> {
    if (this.#ownsConnection) await this.#redis.quit();
  }

  #define(name: string, lua: string): Script {
    const commands = this.#redis as unknown as Record<string, Script | undefined>;
    // Defined once per connection (EVALSHA, with EVAL when the server lost the script).
    if (commands[name] === undefined) this.#redis.defineCommand(name, { lua, numberOfKeys: 3 });
    return (...args) => commands[name]!.apply(this.#redis, args);
  }
}
