export type { Bus, ConsumeOptions, Consumer, IncomingMessage, MessageHandler, OutgoingMessage } from './bus/bus.ts';
export { BusClosedError, DeliveryInterrupted, InvalidMessageError, PermanentFailure } from './bus/errors.ts';
export { consoleLogger, type Logger, silentLogger } from './bus/logger.ts';
export { backoffDelay, defaultRetryPolicy, type RetryPolicy } from './bus/retry-policy.ts';
export * from './contracts/alerts.ts';
export * from './contracts/catalog.ts';
export * from './contracts/events.ts';
export * from './contracts/inbound.ts';
export * from './contracts/inbound-products.ts';
export { readDeadLetter } from './dead-letters/read-dead-letter.ts';
export {
  type Checkpointed,
  type CheckpointedState,
  MemoryCheckpointedState,
} from './idempotency/checkpointed-state.ts';
export { idempotentEventHandler } from './idempotency/idempotent-handler.ts';
export {
  applyOnce,
  RedisCheckpointedState,
  type RedisCheckpointedStateOptions,
} from './idempotency/redis-checkpointed-state.ts';
export { InProcessBus, type InProcessBusOptions, InProcessConsumer } from './in-process/in-process-bus.ts';
export { exportConsumerLag, type LagSource, measureConsumerLag, type PartitionLag } from './kafka/consumer-lag.ts';
export { KafkaBus, type KafkaBusOptions } from './kafka/kafka-bus.ts';
export {
  type KafkaSecurityConfig,
  type KafkaSecurityOptions,
  kafkaSecurityConfigShape,
  kafkaSecurityFromConfig,
  SASL_MECHANISMS,
} from './kafka/kafka-security.ts';
export { readTopicToEnd, type TopicMessage, type TopicToEndOptions } from './kafka/topic-to-end.ts';
export { eventFromMessage, eventMessage } from './relay/event-message.ts';
export { EventRelay, type EventRelayOptions, type RelayState } from './relay/event-relay.ts';
export {
  type FollowerState,
  LogFollower,
  type LogFollowerOptions,
  type PublishBatch,
} from './relay/log-follower.ts';
export { RedisRelayCoordination, type RedisRelayCoordinationOptions } from './relay/redis-relay-coordination.ts';
export {
  FencedError,
  type FenceToken,
  type Lease,
  type RelayCheckpoints,
  type RelayCoordination,
  type RelayLeadership,
  SoleRelay,
} from './relay/relay-coordination.ts';
export { exportRelayLag, measureRelayLag, type RelayLag } from './relay/relay-lag.ts';
export type { LeaseStore } from './relay/renewed-lease.ts';
export { SqliteRelayCoordination, type SqliteRelayCoordinationOptions } from './relay/sqlite-relay-coordination.ts';
export * from './topic/topic-contract.ts';
