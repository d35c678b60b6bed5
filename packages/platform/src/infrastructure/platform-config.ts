import { env } from '@hotline/runtime';

/**
 * Which adapters a process uses. The defaults are the embedded product: a SQLite file, the
 * in-process bus; distributed mode names Kafka, Redis and EventStoreDB (or a shared SQLite file).
 */
export const platformConfigShape = {
  EVENT_STORE: env.enum(['sqlite', 'esdb']).default('sqlite').describe('Event store adapter'),
  SQLITE_FILE: env
    .string()
    .default('./data/hotline.sqlite')
    .describe('Event store file (EVENT_STORE=sqlite); one file may be shared by the processes of one machine'),
  SQLITE_FSYNC: env
    .enum(['in-commit', 'off-loop'])
    .optional()
    .describe(
      'Where a commit is fsynced before it is acknowledged: in-commit (SQLite, on the event loop: processes sharing the file) or off-loop (the thread pool: a file one process writes); off-loop with BUS=in-process, in-commit otherwise',
    ),
  // Secret: a secure cluster's string carries the user's password (esdb+discover://user:password@…).
  ESDB_CONNECTION_STRING: env
    .string()
    .meta({ secret: true })
    .optional()
    .describe('EventStoreDB connection string, e.g. esdb://localhost:2113?tls=false (EVENT_STORE=esdb)'),
  BUS: env.enum(['in-process', 'kafka']).default('in-process').describe('Message bus adapter'),
  KAFKA_BROKERS: env.hostPorts().optional().describe('Kafka bootstrap brokers, host:port,host:port (BUS=kafka)'),
  KAFKA_REPLICATION_FACTOR: env
    .int({ min: 1 })
    .default(1)
    .describe('Replication factor of the topics a service creates (3 on a production cluster)'),
  REDIS_URL: env
    .url({ protocols: ['redis', 'rediss'] })
    .optional()
    .describe('Redis for read models, timers and the relay lease in distributed mode'),
};
