export { createReportingService, IndicatorsView } from './reporting-service.ts';
export { ticketOutcomes } from './ticket-outcomes.ts';
