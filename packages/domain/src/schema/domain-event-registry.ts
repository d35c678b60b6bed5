import { agentEventSchemas } from '../agent/agent-events.ts';
import { clientEventSchemas } from '../client/client-events.ts';
import { contractEventSchemas } from '../contract/contract-events.ts';
import { knowledgeEventSchemas } from '../knowledge/knowledge-events.ts';
import { objectivesEventSchemas } from '../objectives/objectives-events.ts';
import { patchLifecycleEventSchemas } from '../patch/patch-registration.ts';
import { productEventSchemas } from '../product/product-events.ts';
import { slaEventSchemas } from '../sla/sla-events.ts';
import { ticketEventSchemas } from '../ticket/ticket-events.ts';
import { composeRegistries, type EventOfRegistry, eventRegistry } from './event-registry.ts';

// Upcasters go beside each schema list when a type reaches version 2: `eventRegistry(schemas, { Type: { 1: … } })`.
export const ticketEventRegistry = eventRegistry(ticketEventSchemas);
export const contractEventRegistry = eventRegistry(contractEventSchemas);
export const agentEventRegistry = eventRegistry(agentEventSchemas);
export const knowledgeEventRegistry = eventRegistry(knowledgeEventSchemas);
export const patchEventRegistry = eventRegistry(patchLifecycleEventSchemas);
export const clientEventRegistry = eventRegistry(clientEventSchemas);
export const productEventRegistry = eventRegistry(productEventSchemas);
export const objectivesEventRegistry = eventRegistry(objectivesEventSchemas);
/** The SLA clock's derived facts (`sla-<ticketId>` streams). */
export const slaEventRegistry = eventRegistry(slaEventSchemas);

/** Every event the domain writes: the one place a stored event's type and version are read back. */
export const domainEventRegistry = composeRegistries(
  ticketEventRegistry,
  contractEventRegistry,
  agentEventRegistry,
  knowledgeEventRegistry,
  patchEventRegistry,
  clientEventRegistry,
  productEventRegistry,
  objectivesEventRegistry,
  slaEventRegistry,
);

export type RegisteredDomainEvent = EventOfRegistry<typeof domainEventRegistry>;
