export { type Availability, requiredInCi } from './availability.ts';
export { containerRuntimeUnavailable } from './containers.ts';
export { type CensusRow, type HeapCensus, heapCensus, perUnit } from './heap/heap-census.ts';
export { type KafkaEndpoint, type KafkaForTests, type KafkaSource, kafkaForTests } from './kafka/kafka-for-tests.ts';
export {
  destroyLocalKafka,
  ensureKafkaJars,
  kafkaLibDir,
  type LocalKafka,
  type LocalKafkaOptions,
  localKafkaRunning,
  localKafkaUnavailable,
  startLocalKafka,
  stopLocalKafka,
} from './kafka/local-kafka.ts';
export { freePort, isListening, openSocket, waitUntil } from './net/ports.ts';
export {
  type LocalRedis,
  type LocalRedisOptions,
  localRedisUnavailable,
  startLocalRedis,
} from './redis/local-redis.ts';
export { type RedisEndpoint, type RedisForTests, type RedisSource, redisForTests } from './redis/redis-for-tests.ts';
export { brokerRestarter, kafkaInTests, redisInTests, titled } from './vitest/in-tests.ts';
export type { HotlineInfrastructure, Provided } from './vitest/infrastructure.ts';
