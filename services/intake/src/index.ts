export { consumeInbound } from './inbound/inbound-consumer.ts';
export { upstreamSystemsConfig, upstreamSystemsConfigShape } from './inbound/upstream-systems.ts';
export { createIntakeService, type IntakeOptions } from './intake-service.ts';
export type { InboundRequest, RequestOrigin } from './requests/inbound-request.ts';
export { type IntakeDependencies, type TakenIn, takeIn } from './requests/take-in.ts';
export { ticketIdFor } from './requests/ticket-identity.ts';
