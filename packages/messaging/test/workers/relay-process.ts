// A relay in a process of its own, for the crash test: SQLite store → Kafka, coordinated through
// Redis. Arguments: brokers redisUrl prefix sqliteFile topicName partitions. Runs until killed.
import { openSqliteStore } from '@hotline/eventstore';
import { Redis } from 'ioredis';
import { EventRelay, KafkaBus, RedisRelayCoordination, silentLogger } from '../../src/index.ts';
import { testEventsTopicNamed } from '../relay-scenarios.ts';

const [brokers, redisUrl, prefix, file, name, partitions] = process.argv.slice(2);
const store = await openSqliteStore({ file: file!, pollIntervalMs: 20 });
const coordination = new RedisRelayCoordination({ redis: new Redis(redisUrl!), prefix: prefix!, leaseTtlMs: 1000 });
const bus = new KafkaBus({ brokers: brokers!.split(','), logger: silentLogger });
new EventRelay({
  store,
  bus,
  checkpoints: coordination,
  leadership: coordination,
  topic: testEventsTopicNamed(name!, Number(partitions)),
  maxBatchSize: 20,
  logger: silentLogger,
}).start();
