import {
  acmeMaintenanceTerms,
  agentEvent,
  billingEvent,
  clientEvent,
  documentationEvent,
  faqEvent,
  objectivesEvent,
  priceOfTime,
  productEvent,
  trainingEvent,
} from '@hotline/domain';
import { type HotlineScenario, paris } from './hotline-scenario.ts';

const by = 'manager-max';

/** A billable item of ACME as the resolution and intake services record it (priced by the domain). */
const timeItem = (itemId: string, on: string, minutes: number, rateCents: number, ticketId = 'WE-3') =>
  billingEvent('BillableItemRecorded', {
    clientId: 'ACME',
    itemId,
    origin: 'ticket_time',
    ticketId,
    product: 'ERP',
    agentId: 'agent-ann',
    on,
    description: `Time on ${ticketId}`,
    pricing: 'time',
    workKind: 'functional',
    minutes,
    rateCents,
    amountCents: priceOfTime(minutes, rateCents),
    currency: 'EUR',
    priceListFrom: '2026-01-01',
    by,
    at: paris(`${on}T18:00`),
  });

/**
 * Issue #11's steering facts beside DOMAIN.md's worked examples (`seedWorkedExamples` first): the
 * objectives of 2026, ACME's billing, context and reviews, the catalogue with a new application, a
 * training, documents, FAQ, time on tickets, and new contracts on a product with one trained agent.
 */
export async function seedSteering(scenario: HotlineScenario): Promise<void> {
  await scenario.append('objectives-2026', [
    objectivesEvent('AnnualObjectivesSet', {
      year: 2026,
      targets: [
        { indicator: 'malfunctions', priority: 'P1', value: 95 },
        { indicator: 'functional', priority: 'P3', value: 90 },
        { indicator: 'productionOverrunDays', priority: 'P2', value: 20 },
        { indicator: 'productionOverrunDays', priority: 'P1', value: 1 },
        { indicator: 'productionOverrunDays', value: 5 },
        { indicator: 'claimingClients', value: 0 },
      ],
      penaltyBudgetCents: 50_000,
      by,
      at: '2025-12-15T10:00:00+01:00',
    }),
  ]);
  await scenario.append('billing-ACME', [
    timeItem('item-1', '2026-08-28', 10, 9_500),
    timeItem('item-2', '2026-09-02', 95, 9_500),
    billingEvent('BillableTimeUnpriced', {
      clientId: 'ACME',
      itemId: 'item-3',
      ticketId: 'WE-3',
      agentId: 'agent-ann',
      on: '2026-09-03',
      description: 'Time on WE-3',
      workKind: 'service',
      minutes: 30,
      reason: 'billing.no_rate',
      by,
      at: paris('2026-09-03T18:00'),
    }),
    billingEvent('BillableTimeUnpriced', {
      clientId: 'ACME',
      itemId: 'item-4',
      ticketId: 'WE-3',
      agentId: 'agent-ann',
      on: '2026-09-04',
      description: 'Time on WE-3',
      workKind: 'functional',
      minutes: 7,
      reason: 'billing.no_price_list',
      by,
      at: paris('2026-09-04T18:00'),
    }),
    // The manager bills item-4 once a list prices it: it leaves the unpriced time.
    timeItem('item-4', '2026-09-04', 7, 9_500),
    billingEvent('BillableItemRecorded', {
      clientId: 'ACME',
      itemId: 'service-1',
      origin: 'on_site_service',
      agentId: 'agent-bob',
      on: '2026-09-10',
      description: 'Installation on site',
      pricing: 'fixed',
      service: 'installation',
      amountCents: 120_000,
      currency: 'EUR',
      priceListFrom: '2026-01-01',
      by,
      at: paris('2026-09-10T18:00'),
    }),
  ]);
  await scenario.append('client-ACME', [
    clientEvent('ClientReviewScheduled', {
      clientId: 'ACME',
      reviewId: 'R0',
      scheduledFor: paris('2026-06-10T10:00'),
      requestedBy: 'client',
      period: { from: '2026-01-01', to: '2026-05-31' },
      by,
      at: paris('2026-06-01T10:00'),
    }),
    clientEvent('ClientReviewHeld', {
      clientId: 'ACME',
      reviewId: 'R0',
      notes: 'Overruns on P2 discussed',
      actions: [
        { description: 'Escalate P2 malfunctions earlier', owner: 'manager-max', dueOn: '2026-07-01' },
        { description: 'Share the ERP 12.5 release notes', dueOn: '2026-12-01' },
      ],
      by,
      at: paris('2026-06-10T11:30'),
    }),
    clientEvent('ReviewActionCompleted', {
      clientId: 'ACME',
      reviewId: 'R0',
      action: 1,
      outcome: 'done',
      by,
      at: paris('2026-09-10T16:00'),
    }),
    clientEvent('ClientContextFlagged', {
      clientId: 'ACME',
      kind: 'migration',
      reason: 'Moving to ERP 13',
      from: '2026-09-01',
      by,
      at: paris('2026-08-25T10:00'),
    }),
    clientEvent('ClientReviewScheduled', {
      clientId: 'ACME',
      reviewId: 'R1',
      scheduledFor: paris('2026-09-20T10:00'),
      requestedBy: 'client',
      by,
      at: paris('2026-09-01T10:00'),
    }),
  ]);
  await scenario.append('client-BETA', [
    clientEvent('ClientReviewScheduled', {
      clientId: 'BETA',
      reviewId: 'R2',
      scheduledFor: paris('2026-09-01T10:00'),
      requestedBy: 'client',
      by,
      at: paris('2026-08-20T10:00'),
    }),
  ]);
  await scenario.append('product-ERP', [
    productEvent('ProductLaunched', { product: 'ERP', name: 'ERP Suite', by, at: '2020-01-06T09:00:00+01:00' }),
    productEvent('ProductVersionReleased', { product: 'ERP', version: '12.4', by, at: '2025-10-01T09:00:00+02:00' }),
    productEvent('ProductVersionReleased', { product: 'ERP', version: '12.5', by, at: paris('2026-04-01T09:00') }),
    productEvent('ProductEndOfSupport', {
      product: 'ERP',
      version: '12.3',
      effectiveOn: '2026-06-30',
      by,
      at: paris('2026-03-01T09:00'),
    }),
  ]);
  await scenario.append('product-NEWAPP', [
    productEvent('ProductLaunched', { product: 'NEWAPP', name: 'Portal', by, at: paris('2026-08-01T09:00') }),
  ]);
  await scenario.append('product-CRM', [
    productEvent('ProductLaunched', { product: 'CRM', name: 'CRM', by, at: '2019-03-01T09:00:00+01:00' }),
  ]);
  await scenario.append('training-T1', [
    trainingEvent('TrainingPlanned', {
      trainingId: 'T1',
      kind: 'training',
      product: 'CRM',
      title: 'CRM for support',
      attendees: ['agent-ann', 'agent-bob'],
      level: 'confirmed',
      plannedOn: '2026-03-10',
      by,
      at: paris('2026-02-01T09:00', '+01:00'),
    }),
    trainingEvent('TrainingSessionCompleted', {
      trainingId: 'T1',
      product: 'CRM',
      attendees: ['agent-ann'],
      level: 'confirmed',
      completedOn: '2026-03-10',
      by,
      at: paris('2026-03-10T17:00', '+01:00'),
    }),
  ]);
  // What intake's training process records for the attendee who completed it.
  await scenario.append('agent-agent-ann', [
    agentEvent('AgentJoined', {
      agentId: 'agent-ann',
      name: 'Ann',
      role: 'agent',
      by,
      at: '2025-01-06T09:00:00+01:00',
    }),
    agentEvent('SkillsDeclared', {
      agentId: 'agent-ann',
      skills: [{ product: 'CRM', level: 'confirmed' }],
      by,
      at: paris('2026-03-10T17:00', '+01:00'),
    }),
  ]);
  await scenario.append('product-CRM', [
    productEvent('TrainingCompleted', {
      product: 'CRM',
      agentId: 'agent-ann',
      by,
      at: paris('2026-03-10T17:00', '+01:00'),
    }),
  ]);
  // Three new contracts on CRM in 2026 for its one trained agent (threshold: 2 per agent).
  for (const [index, client] of ['GAMMA', 'DELTA', 'OMEGA'].entries())
    await scenario.sign(
      `CRM-${index}`,
      client,
      { ...acmeMaintenanceTerms, products: ['CRM'] },
      paris('2026-07-01T00:00'),
    );
  await scenario.append('document-D1', [
    documentationEvent('ProductionDocumentAttached', {
      documentId: 'D1',
      product: 'ERP',
      kind: 'release_notes',
      title: 'ERP 12.5 release notes',
      link: 'https://docs.example.com/erp/12.5',
      versions: { from: '12.5', to: '12.5' },
      by,
      at: paris('2026-04-01T10:00'),
    }),
  ]);
  await scenario.append('document-D2', [
    documentationEvent('ProductionDocumentAttached', {
      documentId: 'D2',
      product: 'ERP',
      kind: 'known_issue',
      title: 'Posting fails on 12.3',
      text: 'Fixed in 12.4',
      versions: { to: '12.3' },
      by,
      at: paris('2026-01-10T10:00', '+01:00'),
    }),
    documentationEvent('ProductionDocumentRetired', {
      documentId: 'D2',
      reason: 'Fixed',
      by,
      at: paris('2026-05-01T10:00'),
    }),
  ]);
  await scenario.append('faq-F1', [
    faqEvent('FaqEntryPublished', {
      entryId: 'F1',
      articleId: 'KB-1',
      question: 'Why does the export come out empty?',
      answer: 'Choose a period first.',
      product: 'ERP',
      ticketIds: ['WE-3', 'WE-5'],
      by,
      at: paris('2026-06-06T10:00'),
    }),
  ]);
  await scenario.ticket('WE-1', [
    {
      type: 'RecordTime',
      agentId: 'agent-ann',
      minutes: 90,
      what: 'Diagnosis',
      by: 'agent-ann',
      at: paris('2026-05-12T18:00'),
    },
    {
      type: 'RecordTime',
      agentId: 'agent-bob',
      minutes: 30,
      what: 'Fix',
      by: 'agent-bob',
      at: paris('2026-05-20T18:00'),
    },
  ]);
  await scenario.ticket('WE-3', [
    {
      type: 'RecordTime',
      agentId: 'agent-ann',
      minutes: 45,
      what: 'Answer',
      by: 'agent-ann',
      at: paris('2026-06-02T18:00'),
    },
  ]);
}
