export { derivedEventId, nameBasedUuid } from './command/derived-event-id.ts';
export {
  type CommandContext,
  type CommandOutcome,
  type DomainEventShape,
  type HandleCommandOptions,
  handleCommand,
  type StreamDecider,
  toDomainEvent,
} from './command/handle-command.ts';
export { canonicalJson } from './hash-chain/canonical-json.ts';
export { GENESIS_HASH, type HashedEvent, hashEvent } from './hash-chain/event-hash.ts';
export { MemoryEventStore, type MemoryStoreOptions, openMemoryStore } from './memory/memory-event-store.ts';
export { MemoryLog, type MemoryRecord } from './memory/memory-log.ts';
export type { EventData, NewEvent, RecordedEvent } from './port/envelope.ts';
export {
  DuplicateEventIdError,
  InvalidEventError,
  RevisionConflictError,
  StoreBusyError,
  StoreClosedError,
} from './port/errors.ts';
export type {
  AppendOptions,
  AppendResult,
  ChainBreak,
  ChainBreakReason,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  StoreOptions,
  VerifyOptions,
  VerifyReport,
} from './port/event-store.ts';
export {
  type ActualRevision,
  ANY,
  type ExpectedRevision,
  NO_STREAM,
  STREAM_EXISTS,
} from './port/expected-revision.ts';
export {
  formatPosition,
  fromJsonEvent,
  parsePosition,
  type RecordedEventJson,
  recordedEventJsonSchema,
  toJsonEvent,
} from './port/json-event.ts';
export type { EventHandler, SubscribeOptions, Subscription, SubscriptionFilter } from './port/subscription.ts';
export type { Upcaster } from './port/upcaster.ts';
export { openSqliteStore, SqliteEventStore, type SqliteStoreOptions } from './sqlite/sqlite-event-store.ts';
