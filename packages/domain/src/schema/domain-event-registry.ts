import { agentEventSchemas } from '../agent/agent-events.ts';
import { billingEventSchemas } from '../billing/billing-events.ts';
import { clientEventSchemas } from '../client/client-events.ts';
import { contractEventSchemas } from '../contract/contract-events.ts';
import { documentationEventSchemas } from '../documentation/documentation-events.ts';
import { faqEventSchemas } from '../faq/faq-events.ts';
import { knowledgeEventSchemas } from '../knowledge/knowledge-events.ts';
import { objectivesEventSchemas } from '../objectives/objectives-events.ts';
import { patchLifecycleEventSchemas } from '../patch/patch-registration.ts';
import { productEventSchemas } from '../product/product-events.ts';
import { slaEventSchemas } from '../sla/sla-events.ts';
import { ticketEventSchemas } from '../ticket/ticket-events.ts';
import { trainingEventSchemas } from '../training/training-events.ts';
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
export const trainingEventRegistry = eventRegistry(trainingEventSchemas);
export const billingEventRegistry = eventRegistry(billingEventSchemas);
export const documentationEventRegistry = eventRegistry(documentationEventSchemas);
export const faqEventRegistry = eventRegistry(faqEventSchemas);
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
  trainingEventRegistry,
  billingEventRegistry,
  documentationEventRegistry,
  faqEventRegistry,
  slaEventRegistry,
);

export type RegisteredDomainEvent = EventOfRegistry<typeof domainEventRegistry>;
