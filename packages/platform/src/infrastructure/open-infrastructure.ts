import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { type EventStore, openSqliteStore } from '@hotline/eventstore';
import { type Bus, InProcessBus, KafkaBus, type KafkaSecurityOptions, supportTopics } from '@hotline/messaging';
import type { Logger, ReadinessProbes } from '@hotline/runtime';
import { Redis } from 'ioredis';
import { domainUpcaster } from './domain-upcaster.ts';

export interface InfrastructureConfig {
  readonly EVENT_STORE: 'sqlite' | 'esdb';
  readonly SQLITE_FILE: string;
  readonly SQLITE_FSYNC?: 'in-commit' | 'off-loop' | undefined;
  readonly ESDB_CONNECTION_STRING?: string | undefined;
  readonly BUS: 'in-process' | 'kafka';
  readonly KAFKA_BROKERS?: readonly string[] | undefined;
  readonly KAFKA_REPLICATION_FACTOR: number;
  readonly REDIS_URL?: string | undefined;
}

export interface Infrastructure {
  readonly store: EventStore;
  readonly bus: Bus;
  readonly redis?: Redis;
  readonly readiness: ReadinessProbes;
  close(): Promise<void>;
}

function required<T>(value: T | undefined, name: string, because: string): T {
  if (value === undefined) throw new Error(`Invalid configuration: ${name}: required when ${because}`);
  return value;
}

async function openStore(config: InfrastructureConfig, logger: Logger): Promise<EventStore> {
  if (config.EVENT_STORE === 'esdb') {
    // Loaded on demand so that the embedded product never loads gRPC.
    const { openEsdbStore } = await import('@hotline/eventstore/esdb');
    const connectionString = required(config.ESDB_CONNECTION_STRING, 'ESDB_CONNECTION_STRING', 'EVENT_STORE=esdb');
    return openEsdbStore({ connectionString, upcast: domainUpcaster });
  }
  mkdirSync(dirname(config.SQLITE_FILE), { recursive: true });
  // The embedded product is the file's only writer: its commits are fsynced off the event loop.
  const fsync = config.SQLITE_FSYNC ?? (config.BUS === 'in-process' ? 'off-loop' : 'in-commit');
  return openSqliteStore({
    file: config.SQLITE_FILE,
    fsync,
    upcast: domainUpcaster,
    onDegraded: (what, error) => logger.error({ err: error, component: 'event-store' }, what),
  });
}

/** What the configuration's text does not hold: the Kafka client's TLS and SASL, files read. */
export interface InfrastructureOptions {
  readonly kafka?: KafkaSecurityOptions;
}

function openBus(config: InfrastructureConfig, logger: Logger, clientId: string, options: InfrastructureOptions): Bus {
  const busLogger = logger.child({ component: 'bus' });
  if (config.BUS === 'kafka') {
    const brokers = required(config.KAFKA_BROKERS, 'KAFKA_BROKERS', 'BUS=kafka');
    return new KafkaBus({
      brokers: [...brokers],
      clientId,
      logger: busLogger,
      replicationFactor: config.KAFKA_REPLICATION_FACTOR,
      ...(options.kafka === undefined ? {} : { kafka: options.kafka }),
    });
  }
  return new InProcessBus({ logger: busLogger });
}

/** The store and the bus a process runs on, chosen by its configuration, with their readiness probes. */
export async function openInfrastructure(
  config: InfrastructureConfig,
  logger: Logger,
  clientId: string,
  options: InfrastructureOptions = {},
): Promise<Infrastructure> {
  const store = await openStore(config, logger);
  const bus = openBus(config, logger, clientId, options);
  await bus.ensureTopics(supportTopics);
  // Commands wait for a reconnection rather than fail while Redis restarts.
  const redis =
    config.REDIS_URL === undefined ? undefined : new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
  return {
    store,
    bus,
    ...(redis === undefined ? {} : { redis }),
    readiness: {
      ...(redis === undefined
        ? {}
        : {
            'read models': async () => {
              await redis.ping();
            },
          }),
      'event store': async () => {
        await store.headPosition();
      },
      bus: async () => {
        await bus.ensureTopics(supportTopics);
      },
    },
    async close() {
      await bus.close();
      await redis?.quit();
      await store.close();
    },
  };
}
