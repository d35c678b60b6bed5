import type { ChainableCommander, Redis } from 'ioredis';
import type { Checkpointed, CheckpointedState } from './checkpointed-state.ts';

export interface RedisCheckpointedStateOptions<State> {
  redis: Redis;
  /** Keys are `<prefix>:<key>`: a hash with the state (`state`) and the last position (`position`). */
  prefix: string;
  encode?: (state: State) => string;
  decode?: (text: string) => State;
}

// Compare-and-set on the position: the state is written only if nobody applied anything to this
// key since it was read (another consumer after a rebalance, a redelivery racing the original).
const compareAndSet = `
local current = redis.call('hget', KEYS[1], 'position')
if (current or '') ~= ARGV[1] then return 0 end
redis.call('hset', KEYS[1], 'state', ARGV[2], 'position', ARGV[3])
return 1`;

/** Checkpointed state in Redis, one hash per key, written by a Lua compare-and-set. */
export class RedisCheckpointedState<State> implements CheckpointedState<State> {
  #redis: Redis;
  #prefix: string;
  #encode: (state: State) => string;
  #decode: (text: string) => State;

  constructor(options: RedisCheckpointedStateOptions<State>) {
    this.#redis = options.redis;
    this.#prefix = options.prefix;
    this.#encode = options.encode ?? JSON.stringify;
    this.#decode = options.decode ?? ((text) => JSON.parse(text) as State);
  }

  async get(key: string): Promise<Checkpointed<State> | undefined> {
    const [state, position] = await this.#redis.hmget(this.#keyOf(key), 'state', 'position');
    if (state === null || state === undefined || position === null || position === undefined) return undefined;
    return { state: this.#decode(state), position: BigInt(position) };
  }

  async apply(
    key: string,
    position: bigint,
    update: (state: State | undefined) => State,
  ): Promise<'applied' | 'duplicate'> {
    for (;;) {
      const current = await this.get(key);
      if (current !== undefined && position <= current.position) return 'duplicate';
      const next = this.#encode(update(current?.state));
      const written = await this.#redis.eval(
        compareAndSet,
        1,
        this.#keyOf(key),
        current === undefined ? '' : current.position.toString(),
        next,
        position.toString(),
      );
      if (written === 1) return 'applied';
    }
  }

  #keyOf(key: string): string {
    return `${this.#prefix}:${key}`;
  }
}

/**
 * For a consumer whose state is many Redis keys (a read model's sets and hashes): runs its
 * commands in one MULTI with the checkpoint, under WATCH, so they happen once, all together, or not
 * at all. Resolves 'duplicate' without running them when `position` is not past the checkpoint.
 * WATCH belongs to a connection: give each concurrent caller a connection of its own (one per
 * partition worker), or their watches mix.
 */
export async function applyOnce(
  connection: Redis,
  checkpointKey: string,
  position: bigint,
  commands: (transaction: ChainableCommander) => void,
): Promise<'applied' | 'duplicate'> {
  for (;;) {
    await connection.watch(checkpointKey);
    const current = await connection.get(checkpointKey);
    if (current !== null && position <= BigInt(current)) {
      await connection.unwatch();
      return 'duplicate';
    }
    const transaction = connection.multi();
    commands(transaction);
    transaction.set(checkpointKey, position.toString());
    // null: the checkpoint changed under the watch; read it again.
    if ((await transaction.exec()) !== null) return 'applied';
  }
}
