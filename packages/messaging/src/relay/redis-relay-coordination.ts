import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { FencedError, type FenceToken, type Lease, type RelayCoordination } from './relay-coordination.ts';
import { acquireLease, type LeaseStore } from './renewed-lease.ts';

export interface RedisRelayCoordinationOptions {
  redis: Redis;
  /** Prefix of the keys: `<prefix>:lease`, `<prefix>:fence`, `<prefix>:checkpoint`. */
  prefix?: string;
  /** How long a lease lives without renewal: how long a dead relay's successor waits (10 s). */
  leaseTtlMs?: number;
  /** This relay's name in the lease (a random id by default). */
  owner?: string;
}

// Taking the lease and drawing the next fencing token happen in one script, so no two relays can
// ever hold the same token.
const acquireScript = `
if redis.call('exists', KEYS[1]) == 1 then return false end
local token = redis.call('incr', KEYS[2])
redis.call('set', KEYS[1], ARGV[1] .. ':' .. token, 'PX', ARGV[2])
return tostring(token)`;

const renewScript = `
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end
return 0`;

const releaseScript = `
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
return 0`;

// The fencing check: only the latest term may write. Positions are 64-bit, beyond Lua's exact
// numbers, so they are compared as decimal strings (longer is larger, then lexically).
const saveScript = `
if redis.call('get', KEYS[1]) ~= ARGV[1] then return 'FENCED' end
local current = redis.call('get', KEYS[2])
if not current or string.len(ARGV[2]) > string.len(current)
  or (string.len(ARGV[2]) == string.len(current) and ARGV[2] > current) then
  redis.call('set', KEYS[2], ARGV[2])
end
return 'OK'`;

/**
 * The distributed mode's coordination in Redis: a lease (SET NX PX, renewed at a third of its
 * lifetime) elects the active relay, and each lease comes with a fencing token (INCR) that the
 * checkpoint write checks in the same script. See README.md, "One active relay".
 */
export class RedisRelayCoordination implements RelayCoordination {
  readonly owner: string;
  #redis: Redis;
  #keys: { lease: string; fence: string; checkpoint: string };
  #ttlMs: number;
  #lease: LeaseStore;

  constructor(options: RedisRelayCoordinationOptions) {
    const prefix = options.prefix ?? 'hotline:relay:support.events.v1';
    const redis = options.redis;
    const keys = { lease: `${prefix}:lease`, fence: `${prefix}:fence`, checkpoint: `${prefix}:checkpoint` };
    const ttlMs = options.leaseTtlMs ?? 10_000;
    const owner = options.owner ?? randomUUID();
    this.#redis = redis;
    this.#keys = keys;
    this.#ttlMs = ttlMs;
    this.owner = owner;
    this.#lease = {
      take: async () => {
        const token = (await redis.eval(acquireScript, 2, keys.lease, keys.fence, owner, ttlMs)) as string | null;
        return token === null ? null : BigInt(token);
      },
      renew: async (token) => (await redis.eval(renewScript, 1, keys.lease, `${owner}:${token}`, ttlMs)) === 1,
      release: async (token) => {
        await redis.eval(releaseScript, 1, keys.lease, `${owner}:${token}`);
      },
    };
  }

  acquire(signal: AbortSignal): Promise<Lease> {
    return acquireLease(this.#lease, this.#ttlMs, signal);
  }

  async load(): Promise<bigint> {
    const position = await this.#redis.get(this.#keys.checkpoint);
    return position === null ? 0n : BigInt(position);
  }

  async save(position: bigint, token: FenceToken): Promise<void> {
    const result = await this.#redis.eval(
      saveScript,
      2,
      this.#keys.fence,
      this.#keys.checkpoint,
      token.toString(),
      position.toString(),
    );
    if (result === 'FENCED') throw new FencedError(token);
  }
}
