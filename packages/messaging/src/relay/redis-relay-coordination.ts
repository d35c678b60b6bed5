import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { sleep } from '../bus/delivery.ts';
import {
  FencedError,
  type FenceToken,
  type Lease,
  type RelayCheckpoints,
  type RelayLeadership,
} from './relay-coordination.ts';

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
export class RedisRelayCoordination implements RelayLeadership, RelayCheckpoints {
  readonly owner: string;
  #redis: Redis;
  #keys: { lease: string; fence: string; checkpoint: string };
  #ttlMs: number;

  constructor(options: RedisRelayCoordinationOptions) {
    const prefix = options.prefix ?? 'hotline:relay:support.events.v1';
    this.#redis = options.redis;
    this.#keys = { lease: `${prefix}:lease`, fence: `${prefix}:fence`, checkpoint: `${prefix}:checkpoint` };
    this.#ttlMs = options.leaseTtlMs ?? 10_000;
    this.owner = options.owner ?? randomUUID();
  }

  async acquire(signal: AbortSignal): Promise<Lease> {
    for (;;) {
      signal.throwIfAborted();
      const token = (await this.#redis
        .eval(acquireScript, 2, this.#keys.lease, this.#keys.fence, this.owner, this.#ttlMs)
        .catch(() => null)) as string | null;
      if (token !== null) return this.#hold(BigInt(token));
      await sleep(Math.max(50, Math.floor(this.#ttlMs / 3)), signal);
    }
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

  #hold(token: FenceToken): Lease {
    const value = `${this.owner}:${token}`;
    const lost = new AbortController();
    let renewedAt = Date.now();
    const renew = async () => {
      try {
        const renewed = await this.#redis.eval(renewScript, 1, this.#keys.lease, value, this.#ttlMs);
        if (renewed === 1) {
          renewedAt = Date.now();
          return;
        }
        lost.abort(new FencedError(token));
      } catch (error) {
        // Redis unreachable: the lease is gone for everyone else once its time is up.
        if (Date.now() - renewedAt >= this.#ttlMs) lost.abort(error);
      }
    };
    const timer = setInterval(
      () => {
        void renew();
      },
      Math.max(20, Math.floor(this.#ttlMs / 3)),
    );
    timer.unref();
    lost.signal.addEventListener('abort', () => clearInterval(timer), { once: true });
    return {
      token,
      lost: lost.signal,
      release: async () => {
        clearInterval(timer);
        if (!lost.signal.aborted) lost.abort(new Error('released'));
        await this.#redis.eval(releaseScript, 1, this.#keys.lease, value).catch(() => {});
      },
    };
  }
}
