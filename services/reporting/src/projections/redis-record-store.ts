import type { Redis } from 'ioredis';
import type { RecordChangeListener, RecordFollower, RecordStore, StoredRecord } from './record-store.ts';
import type { StreamRecord } from './stream-records.ts';

export interface RedisRecordStoreOptions {
  readonly redis: Redis;
  /**
   * Every key starts with it. Wrap it in braces (`{reporting}`) on a Redis Cluster: the scripts build
   * key names from the current generation, so all of them must live in one hash slot.
   */
  readonly prefix: string;
  /** Changes kept for the replicas' views to catch up on (approximately; 100,000 by default). */
  readonly changesKept?: number;
}

// The generation is read inside each script, so a rebuild's switch to a new generation is atomic for
// every reader and writer: none reads one generation and writes the other.
const generationOf = `local generation = redis.call('get', KEYS[1]) or '0'
local base = ARGV[1] .. ':g' .. generation`;

const getScript = `${generationOf}
return redis.call('hmget', base .. ':r:' .. ARGV[2], 'state', 'position', 'revision')`;

// Compare-and-set on the stream revision; the record, its checkpoint, the index of streams and the
// change feed of the replicas' views are written together or not at all.
const compareAndSetScript = `${generationOf}
local key = base .. ':r:' .. ARGV[2]
local current = redis.call('hget', key, 'revision')
if (current or '') ~= ARGV[3] then return 0 end
redis.call('hset', key, 'state', ARGV[4], 'position', ARGV[5], 'revision', ARGV[6])
redis.call('sadd', base .. ':streams', ARGV[2])
redis.call('xadd', base .. ':changes', 'MAXLEN', '~', ARGV[7], '*', 's', ARGV[2])
return 1`;

// What changed since a view's cursor; 'reset' when the generation moved or the cursor was trimmed
// away (trimming drops the oldest first, so a cursor still present means nothing after it is lost).
const changesScript = `${generationOf}
if generation ~= ARGV[2] then return {generation, 'reset'} end
local changes = base .. ':changes'
if ARGV[3] ~= '0-0' and #redis.call('xrange', changes, ARGV[3], ARGV[3]) == 0 then return {generation, 'reset'} end
return {generation, 'entries', redis.call('xrange', changes, '(' .. ARGV[3], '+', 'COUNT', ARGV[4])}`;

const snapshotScript = `${generationOf}
local last = redis.call('xrevrange', base .. ':changes', '+', '-', 'COUNT', 1)
local cursor = '0-0'
if #last > 0 then cursor = last[1][1] end
return {generation, cursor, redis.call('smembers', base .. ':streams')}`;

type Raw = [string | null, string | null, string | null];

function decode(raw: Raw): StoredRecord | undefined {
  const [state, position, revision] = raw;
  if (state === null || position === null || revision === null) return undefined;
  return { record: JSON.parse(state) as StreamRecord, position: BigInt(position), revision: BigInt(revision) };
}

/**
 * The distributed mode's records: one hash per stream (record, position, revision) under the
 * current generation, written by a Lua compare-and-set. A rebuild fills a new generation and
 * switches to it in one write.
 */
export class RedisRecordStore implements RecordStore {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #changesKept: number;

  constructor(options: RedisRecordStoreOptions) {
    this.#redis = options.redis;
    this.#prefix = options.prefix;
    this.#changesKept = options.changesKept ?? 100_000;
  }

  get #generationKey(): string {
    return `${this.#prefix}:generation`;
  }

  async get(stream: string): Promise<StoredRecord | undefined> {
    return decode((await this.#redis.eval(getScript, 1, this.#generationKey, this.#prefix, stream)) as Raw);
  }

  async compareAndSet(stream: string, expectedRevision: bigint | null, next: StoredRecord): Promise<boolean> {
    const written = await this.#redis.eval(
      compareAndSetScript,
      1,
      this.#generationKey,
      this.#prefix,
      stream,
      expectedRevision === null ? '' : expectedRevision.toString(),
      JSON.stringify(next.record),
      next.position.toString(),
      next.revision.toString(),
      String(this.#changesKept),
    );
    return written === 1;
  }

  /** Writes a rebuilt set of records as a new generation, switches to it, then drops the previous one. */
  async replaceAll(records: ReadonlyMap<string, StoredRecord>, batchSize = 1_000): Promise<void> {
    const generation = await this.#redis.incr(`${this.#prefix}:generations`);
    const base = `${this.#prefix}:g${generation}`;
    let pipeline = this.#redis.pipeline();
    let queued = 0;
    for (const [stream, stored] of records) {
      pipeline.hset(`${base}:r:${stream}`, {
        state: JSON.stringify(stored.record),
        position: stored.position.toString(),
        revision: stored.revision.toString(),
      });
      pipeline.sadd(`${base}:streams`, stream);
      if (++queued % batchSize === 0) {
        await pipeline.exec();
        pipeline = this.#redis.pipeline();
      }
    }
    await pipeline.exec();
    const previous = await this.#redis.getset(this.#generationKey, String(generation));
    if (previous !== null) await this.#drop(`${this.#prefix}:g${previous}`);
  }

  async #drop(base: string): Promise<void> {
    let cursor = '0';
    do {
      const [next, keys] = await this.#redis.scan(cursor, 'MATCH', `${base}:*`, 'COUNT', 1000);
      if (keys.length > 0) await this.#redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  }

  async follow(listener: RecordChangeListener): Promise<RecordFollower> {
    let generation = '';
    let cursor = '0-0';
    const reload = async (streams: readonly string[]) => {
      for (let start = 0; start < streams.length; start += 1_000) {
        const batch = streams.slice(start, start + 1_000);
        const pipeline = this.#redis.pipeline();
        for (const stream of batch) pipeline.eval(getScript, 1, this.#generationKey, this.#prefix, stream);
        const results = (await pipeline.exec()) ?? [];
        batch.forEach((stream, index) => {
          const [error, raw] = results[index] ?? [new Error('no reply'), null];
          if (error) throw error;
          const stored = decode(raw as Raw);
          if (stored !== undefined) listener.change(stream, stored);
        });
      }
    };
    const snapshot = async () => {
      const [nextGeneration, nextCursor, streams] = (await this.#redis.eval(
        snapshotScript,
        1,
        this.#generationKey,
        this.#prefix,
      )) as [string, string, string[]];
      generation = nextGeneration;
      cursor = nextCursor;
      listener.reset();
      await reload(streams);
    };
    await snapshot();
    return {
      refresh: async () => {
        for (;;) {
          const reply = (await this.#redis.eval(
            changesScript,
            1,
            this.#generationKey,
            this.#prefix,
            generation,
            cursor,
            '10000',
          )) as [string, 'reset'] | [string, 'entries', [string, string[]][]];
          if (reply[1] === 'reset') return snapshot();
          const entries = reply[2];
          if (entries.length === 0) return;
          cursor = entries.at(-1)![0];
          await reload([...new Set(entries.map(([, fields]) => fields[1] ?? ''))]);
        }
      },
      stop: () => {},
    };
  }
}
