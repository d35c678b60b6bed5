export { IndicatorsView } from './http/indicator-routes.ts';
export { MemoryRecordStore, type RecordStore, type StoredRecord } from './projections/record-store.ts';
export { RedisRecordStore } from './projections/redis-record-store.ts';
export { ReportingProjections } from './projections/reporting-projections.ts';
export { createReportingService, type ReportingOptions, type ReportingService } from './reporting-service.ts';
