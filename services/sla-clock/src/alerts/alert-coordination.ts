import { DatabaseSync } from 'node:sqlite';
import { type EventStore, SqliteEventStore } from '@hotline/eventstore';
import {
  RedisRelayCoordination,
  type RelayCheckpoints,
  type RelayLeadership,
  SqliteRelayCoordination,
} from '@hotline/messaging';
import type { ServiceContext } from '@hotline/platform';

/** Who dispatches the alerts, and where the last dispatched position is kept. */
export interface AlertCoordination {
  readonly leadership: RelayLeadership;
  readonly checkpoints: RelayCheckpoints;
  /** Where the checkpoint lives, for the start log. */
  readonly where: string;
  close(): void;
}

export interface AlertCoordinationOptions {
  /** Prefix of the Redis keys (`<prefix>:lease`, `:fence`, `:checkpoint`). */
  readonly redisPrefix?: string;
  /** How long a lease lives without renewal: how long a dead dispatcher's successor waits (10 s). */
  readonly leaseTtlMs?: number;
}

// A memory store lives as long as its object, and so does its alert checkpoint: every service on that
// store in this process (a restart in a test, replicas of a simulation) shares one database of its own.
const memoryCoordination = new WeakMap<EventStore, DatabaseSync>();

/** The SLA clock's row in a SQLite coordination database. */
const sqliteName = 'sla-clock:alerts';

/**
 * The checkpoint goes where the replicas that share the store can all reach it, with a lease so that
 * one of them dispatches at a time:
 * - Redis when the context has one (distributed mode): the relay's own coordination (lease, fencing
 *   token, checkpoint in one Lua script), under keys of the SLA clock's;
 * - next to a SQLite store's file (embedded mode), in a small SQLite database of its own
 *   (`<store file>.sla-alerts`, messaging's `SqliteRelayCoordination`): as durable as the store, shared by the processes that open the file,
 *   and outside the store, so the checkpoint adds no event to the log that the relay, the audit and
 *   every projection would have to read and ignore;
 * - for any other store without Redis, in memory for as long as the store object lives.
 */
export function alertCoordinationFor(
  context: Pick<ServiceContext, 'store' | 'redis'>,
  options: AlertCoordinationOptions = {},
): AlertCoordination {
  const leaseTtlMs = options.leaseTtlMs ?? 10_000;
  if (context.redis !== undefined) {
    const prefix = options.redisPrefix ?? 'hotline:sla-clock:alerts';
    const coordination = new RedisRelayCoordination({ redis: context.redis, prefix, leaseTtlMs });
    return { leadership: coordination, checkpoints: coordination, where: `redis ${prefix}`, close: () => {} };
  }
  const { store } = context;
  if (store instanceof SqliteEventStore && store.file !== ':memory:') {
    const file = `${store.file}.sla-alerts`;
    const coordination = SqliteRelayCoordination.open(file, { name: sqliteName, leaseTtlMs });
    return { leadership: coordination, checkpoints: coordination, where: file, close: () => coordination.close() };
  }
  let db = memoryCoordination.get(store);
  if (db === undefined) {
    db = new DatabaseSync(':memory:');
    memoryCoordination.set(store, db);
  }
  const coordination = new SqliteRelayCoordination(db, { name: sqliteName, leaseTtlMs });
  return { leadership: coordination, checkpoints: coordination, where: 'memory', close: () => {} };
}
