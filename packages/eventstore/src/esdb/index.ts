// A subpath of its own (`@hotline/eventstore/esdb`): the embedded mode never loads the gRPC client.
export { EsdbEventStore, type EsdbStoreOptions, openEsdbStore } from './esdb-event-store.ts';
export { toEsdbExpectedRevision, toRevisionConflict } from './esdb-revisions.ts';
